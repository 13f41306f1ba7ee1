import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/main.js';
import { inProject } from '../../src/paths.js';
import { appWith, demoRegister, gql } from '../helpers/app.js';

// Issue 20 on the command line, on the demo register: finding what to ask about (incidents),
// and unknown counts said, never shown as 0. GraphQL on the same data is the reference.

const dir = await mkdtemp(join(tmpdir(), 'vc-cli-answers-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const env = { DATA_DIR: dir };

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, env, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    width: 120,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const json = async (args: string[]) => JSON.parse((await cli([...args, '--format', 'json'])).out);
const app = await appWith(t, await demoRegister());
t.equal((await cli(['import', inProject('examples', 'demo-register.yaml')])).code, 0);

t.test('incidents lists every incident, newest first, as GraphQL does, in pages', async (t) => {
  const all = await json(['incidents', '--first', '500']);
  const answer = await gql(app, '{ incidents(first: 500) { id party { id name } records } }');
  t.same(
    all.map((i: any) => [i.id, i.party, i.records]),
    answer.data.incidents.map((i: any) => [i.id, i.party, i.records]),
  );
  t.ok(
    all.some((i: any) => i.id === 'makeshop-2014'),
    'the seed case is there to be found',
  );
  const first = await json(['incidents', '--first', '3']);
  const next = await json(['incidents', '--first', '3', '--after', first[2].id]);
  t.same(
    [...first, ...next].map((i: any) => i.id),
    all.slice(0, 6).map((i: any) => i.id),
  );
  const table = await cli(['incidents', '--first', '3']);
  t.match(table.out, new RegExp(`more may follow: --after ${first[2].id}`));
  for (const i of first) t.match(table.out, i.id, 'ids are printed whole');
  const unrecorded = all.find((i: any) => i.records === null);
  t.ok(unrecorded, 'the demo has an incident without a count');
  const its = await cli(['incidents', '--party', unrecorded.party.id]);
  t.match(its.out, /not recorded/);
});

t.test('incidents: an unknown cursor or party is exit 2 naming it', async (t) => {
  const after = await cli(['incidents', '--after', 'zzz']);
  t.same([after.code, /after: no incident "zzz"/.test(after.err)], [2, true]);
  const party = await cli(['incidents', '--party', 'makeshopp']);
  t.same([party.code, /no party with id "makeshopp"/.test(party.err)], [2, true]);
});

t.test('concentration says "records not recorded", never 0, where no count is known', async (t) => {
  const rows = await json(['concentration', '--first', '500']);
  const answer = await gql(
    app,
    '{ concentration(first: 500) { party { id name } controllers records recordsUnknown entrustments } }',
  );
  t.same(rows, answer.data.concentration, 'the same JSON as GraphQL gives');
  const unknown = rows.filter((r: any) => r.recordsUnknown === r.entrustments);
  t.ok(unknown.length > 0, 'the demo records no count on some entrustments');
  const table = (await cli(['concentration', '--first', '500'])).out;
  const lines = table.split('\n').filter((l) => /^│ \d/.test(l));
  t.equal(lines.filter((l) => l.includes('records not recorded')).length, unknown.length);
  t.notOk(
    lines.some((l) => /│ 0 +│ \d+ +│$/.test(l.trimEnd())),
    'no row shows 0 records for counts that are simply not recorded',
  );
});

t.test('revisions pages back with --after; an unknown one is exit 2', async (t) => {
  const [newest] = await json(['revisions', '--first', '1']);
  t.same(await json(['revisions', '--after', newest.id]), [], 'the demo import is the only one');
  const bad = await cli(['revisions', '--after', '424242']);
  t.same([bad.code, /no revision with id "424242"/.test(bad.err)], [2, true]);
});
