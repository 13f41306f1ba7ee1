import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';
import { cli as runCli } from '../helpers/cli.js';

// Every command, format and exit code, on the real embedded store loaded with the demo register.

const dir = await mkdtemp(join(tmpdir(), 'vc-cli-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const env = { DATA_DIR: join(dir, 'demo'), STORE: 'embedded' };
const fixture = (name: string) => inProject('test', 'fixtures', 'cli', name);

const cli = (args: string[], environment: Record<string, string> = env) =>
  runCli(args, environment);

t.test('import loads the demo register atomically; a broken file imports nothing', async (t) => {
  const demo = await cli(['import', inProject('examples', 'demo-register.yaml')]);
  t.equal(demo.code, 0, demo.err);
  t.match(demo.out, /^imported: \d+ parties, \d+ entrustments, \d+ incidents, \d+ sources/);
  const other = { ...env, DATA_DIR: join(dir, 'other') };
  const broken = await cli(['import', fixture('towns.yaml'), fixture('broken.yaml')], other);
  t.equal(broken.code, 1);
  t.match(broken.err, /nothing imported/);
  t.equal(
    (await cli(['chain', '--controller', 'town'], other)).code,
    2,
    'not even the valid file was written',
  );
  const dry = await cli(['import', '--dry-run', fixture('towns.yaml')], other);
  t.same([dry.code, /dry run, nothing written/.test(dry.out)], [0, true]);
});

t.test(
  'check validates files offline, with file, line and path; files may refer to each other',
  async (t) => {
    const ok = await cli(['check', fixture('towns.yaml'), fixture('cloud.yaml')], {});
    t.same([ok.code, ok.out], [0, 'ok: 3 parties, 2 entrustments, 0 incidents, 0 sources\n']);
    const alone = await cli(['check', fixture('cloud.yaml')], {});
    t.equal(alone.code, 1, 'cloud.yaml alone refers to parties it does not define');
    t.match(
      alone.err,
      /cloud\.yaml:6: error: entrustments\[0\]\.client: unknown party "vendor": no party with this id in the files checked/,
    );
    const bad = await cli(['check', fixture('broken.yaml')], {});
    t.equal(bad.code, 1);
    t.match(
      bad.err,
      /broken\.yaml:5: error: entrustments\[0\]\.from: expected a date like 2014-09-25; got "2014-02-30"/,
    );
    t.match(
      bad.err,
      /broken\.yaml:5: error: entrustments\[0\]\.contractor: unknown party "vendor"/,
    );
    t.equal(
      (await cli(['check', join(dir, 'missing.yaml')], {})).code,
      2,
      'an unreadable file is a usage error',
    );
  },
);

t.test('impact by incident: table, json, mermaid and dot', async (t) => {
  const table = await cli(['impact', '--incident', 'makeshop-2014']);
  t.equal(table.code, 0, table.err);
  t.match(table.out, /三島市 \(mishima-city\)/);
  t.match(table.out, /Not exposed:[\s\S]*東彼杵町 \(higashisonogi-town\)[\s\S]*OUT_OF_WINDOW/);
  const widths = new Set(
    table.out
      .split('\n')
      .filter((l) => /^[┌│├└]/.test(l))
      .map((l) => stringWidth(l)),
  );
  t.ok(widths.size <= 2, `table lines align with Japanese names (widths ${[...widths]})`);

  const json = JSON.parse(
    (await cli(['impact', '--incident', 'makeshop-2014', '--format', 'json'])).out,
  );
  const exposed = json.controllers.map((c: { party: { id: string } }) => c.party.id);
  t.ok(exposed.includes('mishima-city'));
  t.notOk(exposed.includes('nichinan-city'));
  t.same(
    json.controllers[0].paths[0].hops.at(-1).contractor,
    'makeshop',
    'controller first, leak last',
  );
  t.ok(
    json.notExposed.some(
      (n: { party: { id: string }; reason: string }) =>
        n.party.id === 'nichinan-city' && n.reason === 'OUT_OF_WINDOW',
    ),
  );

  const mermaid = (await cli(['impact', '--incident', 'makeshop-2014', '--format', 'mermaid'])).out;
  t.match(mermaid, /^%% Blast radius of makeshop-2014\nflowchart LR\n/);
  t.match(
    mermaid,
    /n\d+ -->\|"undisclosed"\| n\d+/,
    'the undisclosed hop to MakeShop is labelled (and red: diagram-legend.test.ts)',
  );
  t.match(mermaid, /\["三島市 \(mishima-city\)"\]/);
  const dot = (await cli(['impact', '--incident', 'makeshop-2014', '--format', 'dot'])).out;
  t.match(dot, /^digraph vendor_chain \{/);
  t.match(dot, /"cotode" -> "makeshop" \[label="undisclosed", color="#b91c1c"/);
});

t.test('impact by party and window, with data', async (t) => {
  const r = JSON.parse(
    (
      await cli([
        'impact',
        '--party',
        'teamhub',
        '--from',
        '2023-12-14',
        '--to',
        '2024-01-10',
        '--data',
        'user.contact.email',
        '--format',
        'json',
      ])
    ).out,
  );
  t.same(
    r.controllers.map((c: { party: { id: string } }) => c.party.id),
    ['fukui-sakura-marathon-committee'],
  );
  t.same(r.controllers[0].data, ['user.contact.email']);
});

t.test('usage errors exit 2 with a message', async (t) => {
  for (const [args, message] of [
    [['impact'], /give --incident ID, or --party ID/],
    [['impact', '--incident', 'nope'], /no incident with id "nope"/],
    [['impact', '--party', 'teamhub', '--from', '2023-13-01'], /expected a date like 2014-09-25/],
    // A typo is never a question about data nobody holds ("No controller is exposed.", exit 0).
    [
      ['impact', '--party', 'makeshop', '--data', 'user.contactt'],
      /^vendor-chain: data: unknown data category "user\.contactt".*did you mean user\.contact\b/,
    ],
    [['chain', '--controller', 'ghost'], /no party with id "ghost"/],
    [['chain'], /required option '--controller <id>'/],
    [['findings', '--fail-on', 'severe'], /Allowed choices are high, medium, low/],
    [
      ['impact', '--incident', 'makeshop-2014', '--format', 'xml'],
      /Allowed choices are table, json, mermaid, dot/,
    ],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ] as const) {
    const r = await cli([...args]);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.err, message, args.join(' '));
  }
  t.equal(
    (await cli(['impact', '--incident', 'makeshop-2014'], { ...env, STORE: 'cassandra' })).code,
    2,
    'a bad configuration',
  );
  const help = await cli(['--help']);
  t.equal(help.code, 0);
  t.match(help.out, /Exit codes:\n {2}0 {2}ok\n {2}1 {2}findings at or above --fail-on/);
  t.match(
    (await cli(['findings', '--help'])).out,
    /\n {2}1 {2}findings at or above --fail-on; an unexpected error\n/,
  );
  t.match(
    (await cli(['check', '--help'])).out,
    /\n {2}1 {2}errors in the register files; an unexpected error\n/,
  );
  const impactHelp = (await cli(['impact', '--help'])).out;
  t.notMatch(
    impactHelp,
    /--fail-on|register files/,
    'impact lists no findings or register errors among its codes',
  );
  t.match(impactHelp, /\n {2}1 {2}an unexpected error\n/);
  t.match(impactHelp, /--from <date> +with --party: first day of the leak, inclusive/);
});

t.test('--version prints the version in package.json', async (t) => {
  const { version } = JSON.parse(await readFile(inProject('package.json'), 'utf8'));
  const r = await cli(['--version']);
  t.same([r.code, r.out], [0, `${version}\n`]);
});

t.test(
  'check --store accepts ids already in the store, as import --dry-run does, and writes nothing',
  async (t) => {
    const stored = { ...env, DATA_DIR: join(dir, 'stored') };
    t.equal((await cli(['import', fixture('towns.yaml')], stored)).code, 0);
    t.equal(
      (await cli(['check', fixture('cloud.yaml')], stored)).code,
      1,
      'without --store, offline',
    );
    const checked = await cli(['check', '--store', fixture('cloud.yaml')], stored);
    t.same(
      [checked.code, checked.out],
      [0, 'ok: 1 party, 1 entrustment, 0 incidents, 0 sources\n'],
      checked.err,
    );
    t.equal(
      (await cli(['chain', '--controller', 'town', '--format', 'json'], stored)).out.includes(
        '"cloud"',
      ),
      false,
      'nothing written',
    );
    t.equal(
      (await cli(['check', '--store', fixture('cloud.yaml')], { ...stored, STORE: 'cassandra' }))
        .code,
      2,
      'a bad store setting is a usage error',
    );
  },
);

t.test('findings: --fail-on decides the exit code; json and diagrams', async (t) => {
  t.equal((await cli(['findings', '--fail-on', 'high'])).code, 1, 'the demo has HIGH findings');
  t.equal((await cli(['findings'])).code, 0, 'without --fail-on findings are only reported');
  t.equal(
    (await cli(['findings', '--controller', 'line-corp', '--fail-on', 'low'])).code,
    0,
    'LINE re-entrusts nothing',
  );
  const json = JSON.parse(
    (await cli(['findings', '--controller', 'kumamoto-city', '--format', 'json'])).out,
  );
  t.same(
    json
      .map((f: { rule: string; severity: string; entrustment: { id: string } }) => [
        f.entrustment.id,
        f.rule,
        f.severity,
      ])
      .sort(),
    [
      ['new-feel--subcontractor', 'UNAPPROVED', 'HIGH'],
      ['new-feel--subcontractor', 'UNDISCLOSED', 'HIGH'],
    ],
  );
  t.same(
    json[0].missingApprovals.map((p: { id: string }) => p.id),
    json[0].rule === 'UNAPPROVED' ? ['kumamoto-city'] : [],
  );
  const table = (await cli(['findings', '--controller', 'takeo-city'])).out;
  t.match(table, /FORBIDDEN/);
  t.match(table, /│ 株式会社cotode \(cotode\) → +│/, 'the re-entrustment, wrapped in its cell…');
  t.match(table, /│ MakeShop \(makeshop\) +│/, '…onto the next line');
  t.match(
    (await cli(['findings', '--controller', 'takeo-city', '--format', 'mermaid'])).out,
    /\|"undisclosed, FORBIDDEN/,
  );
  t.match(
    (await cli(['findings', '--controller', 'takeo-city', '--format', 'dot'])).out,
    /"cotode" -> "makeshop" \[label="undisclosed, FORBIDDEN/,
  );
});

t.test('chain: the Fukui committee down to TeamHub, in every format', async (t) => {
  const json = JSON.parse(
    (await cli(['chain', '--controller', 'fukui-sakura-marathon-committee', '--format', 'json']))
      .out,
  );
  t.same(
    json.members.map((m: { party: { id: string }; depth: number }) => [m.party.id, m.depth]).sort(),
    [
      ['linksports', 2],
      ['runnet', 1],
      ['teamhub', 3],
      ['xebio', 1],
    ],
  );
  const table = (
    await cli(['chain', '--controller', 'fukui-sakura-marathon-committee', '--as-of', '2024-01-09'])
  ).out;
  t.match(
    table,
    /Supply chain of ふくい桜マラソン実行委員会 \(fukui-sakura-marathon-committee\) as of 2024-01-09/,
  );
  t.match(table, /ゼビオ株式会社 \(xebio\)/);
  t.match(
    (await cli(['chain', '--controller', 'fukui-sakura-marathon-committee', '--format', 'mermaid']))
      .out,
    /flowchart LR/,
  );
  const dot = (
    await cli(['chain', '--controller', 'fukui-sakura-marathon-committee', '--format', 'dot'])
  ).out;
  t.match(dot, /"xebio" -> "linksports"/);
  t.ok(dot.includes('"xebio" [label="ゼビオ株式会社\\nxebio"]'), 'a two-line label: name, then id');
});

t.test(
  'a heading says the date its answer is for, and that no --as-of means any date',
  async (t) => {
    // Takeo City's chain without --as-of still holds MakeShop, which left in 2015: the heading must
    // not read as today's chain.
    const anyDate = (await cli(['chain', '--controller', 'takeo-city'])).out;
    t.match(
      anyDate,
      /^Supply chain of 武雄市 \(takeo-city\) at any date \(every entrustment, ended or not/,
    );
    t.match(anyDate, /MakeShop \(makeshop\)/);
    const today = (await cli(['chain', '--controller', 'takeo-city', '--as-of', '2026-01-01'])).out;
    t.match(today, /^Supply chain of 武雄市 \(takeo-city\) as of 2026-01-01\n/);
    t.notMatch(today, /makeshop/);
    for (const [args, heading] of [
      [['concentration', '--first', '1'], /^Concentration at any date \(/],
      [
        ['concentration', '--first', '1', '--as-of', '2014-09-01'],
        /^Concentration as of 2014-09-01\n/,
      ],
      [
        ['cross-border', '--controller', 'takeo-city'],
        /^Cross-border hops .* \(JP\) at any date \(/,
      ],
      [
        ['cross-border', '--controller', 'takeo-city', '--as-of', '2020-01-01'],
        / \(JP\) as of 2020-01-01: /,
      ],
      [
        ['chain', '--controller', 'takeo-city', '--format', 'mermaid'],
        /^%% Supply chain of takeo-city at any date\n/,
      ],
    ] as const)
      t.match((await cli([...args])).out, heading, args.join(' '));
  },
);

t.test('the installed command runs the same code and exits with its code', async (t) => {
  const child = spawnTs(
    'src/cli/bin.ts',
    ['findings', '--fail-on', 'high', '--format', 'json'],
    env,
  );
  const { code, stdout } = await exitOf(child);
  t.equal(code, 1);
  t.ok(JSON.parse(stdout).length > 0);
});

t.test(
  'a reader that closes the pipe early ends the command quietly, with its exit code',
  async (t) => {
    const child = spawnTs('src/cli/bin.ts', ['findings', '--format', 'json'], env);
    child.stdout.destroy();
    const { code, stderr } = await exitOf(child);
    t.equal(code, 0);
    t.notMatch(stderr, /EPIPE|Error/, 'no stack trace');
  },
);

t.test(
  'neo4j-csv writes a checked register as CSV for neo4j-admin, and says how to load it',
  async (t) => {
    const out = join(dir, 'bulk');
    const done = await cli(
      ['neo4j-csv', fixture('towns.yaml'), fixture('cloud.yaml'), '--out', out],
      { CLI_USER: 'ci' },
    );
    t.equal(done.code, 0, done.err);
    t.match(
      done.out,
      new RegExp(
        `^written: 3 parties, 2 entrustments, 0 incidents, 0 sources, as 7 nodes and \\d+ relationships in ${out}\n`,
      ),
    );
    t.match(
      done.out,
      `docker compose run --rm --no-deps -v ${out}:/bulk:ro neo4j neo4j-admin database import full neo4j --nodes=Party=/bulk/parties.csv`,
    );
    t.match(done.out, `neo4j-admin database import full neo4j --nodes=Party=${out}/parties.csv`);
    const args = (await readFile(join(out, 'neo4j-admin.args'), 'utf8')).trim().split('\n');
    t.same(
      args.filter((a) => !a.startsWith('--relationships')),
      [
        '--nodes=Party=parties.csv',
        '--nodes=Entrustment=entrustments.csv',
        '--nodes=StoreMeta=store.csv',
        '--nodes=AuditEntry=audit.csv',
        '--id-type=INTEGER',
        '--array-delimiter=U+001F',
        '--multiline-fields=false',
      ],
    );
    t.match(
      await readFile(join(out, 'audit.csv'), 'utf8'),
      /^0,1,\d{4}-\d\d-\d\dT[\d:.]+Z,"cli:ci","bulk-load","0 sources, 3 parties, 2 entrustments/m,
      'the audit entry names who loaded',
    );
    const again = await cli(['neo4j-csv', fixture('towns.yaml'), '--out', out], {});
    t.same(
      [again.code, again.err],
      [
        2,
        `vendor-chain: out: ${out} is not empty: give a new or empty directory, so no file of another load is mixed in`,
      ],
    );
    const broken = await cli(
      ['neo4j-csv', fixture('broken.yaml'), '--out', join(dir, 'bulk-broken')],
      {},
    );
    t.equal(broken.code, 1);
    t.match(
      broken.err,
      /broken\.yaml:5: error: entrustments\[0\]\.from: expected a date like 2014-09-25[\s\S]*no files written: \d+ errors/,
    );
    t.equal((await cli(['neo4j-csv', fixture('towns.yaml')], {})).code, 2, '--out is required');
  },
);

t.test(
  'exit codes: 1 for what the store refused or an unexpected error, 2 for usage and configuration',
  async (t) => {
    const { exitCodeOfError, exitCodesHelp } = await import('../../src/cli/exit-codes.js');
    for (const code of [
      'VC_DISK_FULL',
      'VC_STORE_REFUSED',
      'VC_STORE_BUSY',
      'VC_INVALID_REGISTER',
      'VC_INTERNAL',
      undefined,
    ])
      t.equal(exitCodeOfError(code), 1, String(code));
    for (const code of [
      'VC_CONFIG',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'VC_STORE_UNAVAILABLE',
      'UNAUTHENTICATED',
    ])
      t.equal(exitCodeOfError(code), 2, code);
    t.match(
      exitCodesHelp('import'),
      /\n {2}1 {2}errors in the register files, or a sync refused \(it would retire more than SYNC_RETIRE_LIMIT_PERCENT\); a write the store refused \(disk full, too large\), or an unexpected error\n {2}2 {2}usage/,
    );
    t.notMatch(
      exitCodesHelp('chain'),
      /--fail-on|register files/,
      'only the codes the command can give',
    );
  },
);
