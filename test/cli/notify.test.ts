import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/main.js';
import { packetFileName } from '../../src/notify/write-packets.js';
import { inProject } from '../../src/paths.js';

// `vendor-chain notify` on the real embedded store with the demo register: stdout, --out files,
// and every kind of bad input with its exit code and nothing written.

const dir = await mkdtemp(join(tmpdir(), 'vc-notify-cli-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const env = { DATA_DIR: join(dir, 'data'), STORE: 'embedded' };

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, env, {
    out: (s) => out.push(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => err.push(s),
    width: 120,
  });
  return { code, out: out.join(''), err: err.join('\n') };
}

t.before(async () => {
  const imported = await cli(['import', inProject('examples', 'demo-register.yaml')]);
  if (imported.code !== 0) throw new Error(imported.err);
});

const TOWNS = ['takeo-city', 'mishima-city', 'nishiki-town'];

t.test(
  'without --out: the packets on stdout, Markdown one after the other, JSON one per line',
  async (t) => {
    const md = await cli(['notify', '--incident', 'makeshop-2014']);
    t.equal(md.code, 0, md.err);
    const heads = [
      ...md.out.matchAll(/^# .*\(`([a-z-]+)`\): affected by incident `makeshop-2014`$/gm),
    ].map((m) => m[1]);
    t.same(heads, TOWNS, 'one packet per affected town, in blast-radius order');
    t.equal(md.out.split('\n---\n').length, 3, 'separated by rules');
    const json = await cli(['notify', '--incident', 'makeshop-2014', '--format', 'json']);
    const lines = json.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    t.same(
      lines.map((p) => [p.party.id, p.aware, p.clockStarted]),
      TOWNS.map((id) => [id, false, false]),
    );
    const one = await cli([
      'notify',
      '--incident',
      'makeshop-2014',
      '--controller',
      'mishima-city',
    ]);
    t.equal(
      one.out,
      md.out.split('\n---\n\n')[1],
      "--controller gives that controller's packet alone, as in the full run",
    );
  },
);

t.test(
  '--out writes one file per controller, named from the ids, holding what stdout shows',
  async (t) => {
    const out = join(dir, 'packets', 'makeshop');
    const md = await cli(['notify', '--incident', 'makeshop-2014', '--out', out]);
    t.equal(md.code, 0, md.err);
    const names = TOWNS.map((id) => `makeshop-2014--${id}.md`);
    t.same(
      md.out.trim().split('\n'),
      names.map((n) => join(out, n)),
      'it prints the paths it wrote',
    );
    const json = await cli([
      'notify',
      '--incident',
      'makeshop-2014',
      '--out',
      out,
      '--format',
      'json',
    ]);
    t.equal(json.code, 0, json.err);
    t.same(
      (await readdir(out)).sort(),
      [...names, ...TOWNS.map((id) => `makeshop-2014--${id}.json`)].sort(),
      'nothing else, no temporary file left',
    );
    const stdout = (await cli(['notify', '--incident', 'makeshop-2014', '--format', 'json'])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const [k, id] of TOWNS.entries())
      t.same(
        JSON.parse(await readFile(join(out, `makeshop-2014--${id}.json`), 'utf8')),
        stdout[k],
        `${id}.json`,
      );
    const mishima = await readFile(join(out, 'makeshop-2014--mishima-city.md'), 'utf8');
    t.match(mishima, /^\*\*UNAWARE: 三島市 /m);
    t.equal(
      mishima,
      (await cli(['notify', '--incident', 'makeshop-2014', '--controller', 'mishima-city'])).out,
    );
  },
);

t.test('--lang ja: the packet in Japanese, with the fixed terms of the glossary', async (t) => {
  const ja = await cli([
    'notify',
    '--incident',
    'makeshop-2014',
    '--controller',
    'mishima-city',
    '--lang',
    'ja',
  ]);
  t.equal(ja.code, 0);
  t.match(
    ja.out,
    /^# 三島市 \(`mishima-city`\)：インシデント `makeshop-2014` の影響を受けています/m,
  );
  t.match(ja.out, /^\*\*未把握：三島市 は /m, 'unaware in the glossary word');
  t.match(ja.out, /委託元に未開示/);
  t.match(ja.out, /^## 漏えい等報告の期限/m);
  for (const english of ['UNAWARE', 'Why it is affected', 'Which data', 'Exposure window'])
    t.notOk(ja.out.includes(english), `no "${english}"`);
  const en = await cli(['notify', '--incident', 'makeshop-2014', '--controller', 'mishima-city']);
  t.match(en.out, /^\*\*UNAWARE: 三島市 /m, 'English stays the default');
  const bad = await cli(['notify', '--incident', 'makeshop-2014', '--lang', 'fr']);
  t.equal(bad.code, 2);
  t.match(bad.err, /--lang/);
});

t.test("a symbolic link planted at a packet's name is replaced, not followed", async (t) => {
  const out = join(dir, 'planted');
  await mkdir(out);
  const victim = join(dir, 'victim.txt');
  await writeFile(victim, 'keep me');
  await symlink(victim, join(out, 'makeshop-2014--takeo-city.md'));
  t.equal((await cli(['notify', '--incident', 'makeshop-2014', '--out', out])).code, 0);
  t.equal(await readFile(victim, 'utf8'), 'keep me', 'the link target is untouched');
  t.match(await readFile(join(out, 'makeshop-2014--takeo-city.md'), 'utf8'), /^# 武雄市/);
});

t.test('bad input: a clear message, exit 2, nothing written', async (t) => {
  const unknown = await cli(['notify', '--incident', 'nope']);
  t.same([unknown.code, unknown.err], [2, 'vendor-chain: no incident with id "nope"']);
  const format = await cli(['notify', '--incident', 'makeshop-2014', '--format', 'pdf']);
  t.equal(format.code, 2);
  t.match(format.err, /argument 'pdf' is invalid\. Allowed choices are md, json/);
  t.equal((await cli(['notify'])).code, 2, '--incident is required');
  const file = join(dir, 'a-file');
  await writeFile(file, '');
  const notDir = await cli(['notify', '--incident', 'makeshop-2014', '--out', file]);
  t.same(
    [notDir.code, notDir.err],
    [2, `vendor-chain: --out ${file}: cannot write packets there: it is not a directory`],
  );
  const under = await cli(['notify', '--incident', 'makeshop-2014', '--out', join(file, 'sub')]);
  t.equal(under.code, 2);
  t.match(under.err, /cannot write packets there: it is not a directory/);
  const spared = await cli([
    'notify',
    '--incident',
    'makeshop-2014',
    '--controller',
    'higashisonogi-town',
    '--out',
    join(dir, 'spared'),
  ]);
  t.same(
    [spared.code, spared.err],
    [
      2,
      'vendor-chain: controller: "higashisonogi-town" is not among the controllers makeshop-2014 reaches (takeo-city, mishima-city, nishiki-town)',
    ],
  );
  await t.rejects(
    readdir(join(dir, 'spared')),
    { code: 'ENOENT' },
    'no directory made for nothing',
  );
});

t.test('an incident that reaches nobody prints no packet and says so', async (t) => {
  const none = await cli(['notify', '--incident', 'site-ma-2017']);
  t.same(
    [none.code, none.out, none.err],
    [0, '', 'vendor-chain: site-ma-2017 reaches no controller: no packets'],
  );
});

t.test('file names stay safe and short whatever the ids', async (t) => {
  t.equal(packetFileName('makeshop-2014', 'mishima-city', 'md'), 'makeshop-2014--mishima-city.md');
  const long = packetFileName('i'.repeat(200), 'c'.repeat(200), 'json');
  t.ok(Buffer.byteLength(long) <= 255 && long.endsWith('.json'), `${long.length} characters`);
  t.not(
    packetFileName('i'.repeat(200), `${'c'.repeat(199)}d`, 'json'),
    long,
    'two long ids keep two names',
  );
  for (const name of [
    packetFileName('../..', 'x', 'md'),
    packetFileName('a/b', 'c\\d', 'md'),
    packetFileName('.hidden', 'x', 'md'),
  ]) {
    t.match(name, /^[a-z0-9][a-z0-9._-]*\.md$/, `${name}: no separator, no leading dot`);
  }
});

t.test(
  'a write that fails part-way leaves no temporary file and says which directory',
  async (t) => {
    const { writePackets } = await import('../../src/notify/write-packets.js');
    const out = join(dir, 'blocked');
    // A directory where the second packet should go: its rename fails after both were written.
    await mkdir(join(out, 'b.md'), { recursive: true });
    await t.rejects(
      writePackets(out, [
        { name: 'a.md', content: 'a' },
        { name: 'b.md', content: 'b' },
      ]),
      { message: new RegExp(`^--out ${out}: cannot write packets there: `) },
    );
    t.same(
      (await readdir(out)).filter((n) => n.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
    await t.rejects(writePackets(out, [{ name: '../escape.md', content: 'x' }]), {
      message: /refusing to write \.\.\/escape\.md outside it/,
    });
    await t.rejects(readFile(join(dir, 'escape.md')), { code: 'ENOENT' });
  },
);
