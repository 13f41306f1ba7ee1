import t, { type Test } from 'tap';
import { generate } from '../../bench/generate.js';
import { buildApp } from '../../src/app.js';
import { findingId } from '../../src/domain/findings-page.js';
import { WholeGraph } from '../../src/worker/whole-graph.js';
import type { Finding } from '../../src/domain/redelegation.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import type { StorePort } from '../../src/store/port.js';
import { rememberTarget } from '../../src/store/target.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { gql } from '../helpers/app.js';
import { storeCopies } from '../helpers/store-copies.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { mainThreadCpuMs } from '../helpers/poll-while.js';
import { perfThreshold } from '../helpers/perf.js';

// Whole-graph answers on a large graph are computed in a worker thread (src/worker/whole-graph.ts),
// so the main thread keeps answering small queries; they must be the answers computed here.

const ALL = 1_000_000;
// Each test has stores of its own (a whole-graph answer is remembered per store), copies of one
// import of the register.
const stores = await storeCopies(t, generate(600, 7).document);

async function loaded(t: Test): Promise<StorePort> {
  const { report } = stores;
  t.ok(report.ok && report.entrustments > 1000, `a graph of ${report.entrustments} entrustments`);
  const store = await stores.copy(t);
  t.equal((await store.counts()).entrustments, report.entrustments, 'a copy holds them all');
  return store;
}

function wholeGraph(
  t: Test,
  store: StorePort,
  threadFrom: number | null,
  maxFindings = ALL,
): WholeGraph {
  const g = new WholeGraph(store, { threadFrom, maxFindings });
  t.teardown(() => g.close());
  return g;
}

/** How much of the process's CPU time during `work` this (the main) thread spent. */
async function mainThreadShare<T>(
  work: () => Promise<T>,
): Promise<{ value: T; share: number; cpuMs: number }> {
  const main0 = mainThreadCpuMs();
  const all0 = process.cpuUsage();
  const value = await work();
  const all = process.cpuUsage(all0);
  const cpuMs = (all.user + all.system) / 1000;
  return { value, share: (mainThreadCpuMs() - main0) / cpuMs, cpuMs };
}

const ids = (findings: readonly Finding[]) => findings.map(findingId);

t.test('in a worker thread: the same findings and concentration as computed here', async (t) => {
  const [here, there] = [wholeGraph(t, await loaded(t), null), wholeGraph(t, await loaded(t), 0)];
  const all = await here.findings({});
  t.ok(all.length > 5000, `${all.length} findings`);
  t.same(await there.findings({}), all, 'whole-register findings');
  t.same(
    await there.findings({ asOf: '2016-06-01' }),
    await here.findings({ asOf: '2016-06-01' }),
    'as of a date',
  );
  t.same(
    await there.concentration(undefined, 500),
    await here.concentration(undefined, 500),
    'the first 500 of the concentration ranking',
  );
  t.same(
    await there.concentration('2016-06-01', 10),
    await here.concentration('2016-06-01', 10),
    'as of a date, the first 10',
  );

  const pages: Finding[] = [];
  for (let after: string | null = null; ;) {
    const page: Finding[] = await there.findings({ first: 1000, after });
    pages.push(...page);
    if (page.length < 1000) break;
    after = findingId(page[page.length - 1]!);
  }
  t.same(ids(pages), ids(all), 'read in pages of 1,000 from the worker: the same list, in order');

  // A controller's findings: walked here from its own chain, found there among the register's.
  const controllers = [...new Set(all.slice(0, 400).map((f) => f.upstream.client))].slice(0, 6);
  let withFindings = 0;
  for (const controller of controllers) {
    const own = await here.findings({ controller });
    if (own.length > 0) withFindings++;
    t.same(await there.findings({ controller }), own, `the chain of ${controller}`);
    t.same(
      await there.findings({ controller, asOf: '2016-06-01', first: 5 }),
      await here.findings({ controller, asOf: '2016-06-01', first: 5 }),
      `the chain of ${controller} as of a date, its first page`,
    );
  }
  t.ok(withFindings >= 3, `${withFindings} of ${controllers.length} chains have findings`);
  await t.rejects(
    there.findings({ controller: 'nobody' }),
    { code: 'NOT_FOUND' },
    'no such controller',
  );
});

// Shares of CPU, not times: the process's other threads (V8's collector among them) take some even
// when everything is computed here, so "here" is more than 30% (about half), and "in a worker" under 15% (about none).
t.test('the worker does the work; below the threshold the main thread does', async (t) => {
  const [one, other] = [await loaded(t), await loaded(t)];
  const offMain = await mainThreadShare(() => wholeGraph(t, one, 1000).findings({ first: 100 }));
  perfThreshold(
    t,
    offMain.share < 0.15,
    `over the threshold the main thread spent ${(offMain.share * 100).toFixed(0)}% of ${offMain.cpuMs.toFixed(0)} ms of CPU`,
  );
  const onMain = await mainThreadShare(() =>
    wholeGraph(t, other, 1_000_000).findings({ first: 100 }),
  );
  perfThreshold(
    t,
    onMain.share > 0.3,
    `under it, ${(onMain.share * 100).toFixed(0)}% of ${onMain.cpuMs.toFixed(0)} ms`,
  );
  t.same(ids(onMain.value), ids(offMain.value), 'the same answer either way');
});

t.test("the worker's answers follow writes", async (t) => {
  const store = await loaded(t);
  const there = wholeGraph(t, store, 0);
  const before = await there.findings({});
  const e = before.find((f) => f.rule === 'UNDISCLOSED')!.entrustment;
  await store.upsert({
    sources: [],
    parties: [],
    incidents: [],
    entrustments: [{ ...e, disclosed: true }],
  });
  const after = await there.findings({});
  t.notOk(
    after.some((f) => f.entrustment.id === e.id && f.rule === 'UNDISCLOSED'),
    `${e.id}, disclosed since, has no UNDISCLOSED finding any more`,
  );
  t.equal(
    after.length,
    before.length -
      before.filter((f) => f.entrustment.id === e.id && f.rule === 'UNDISCLOSED').length,
  );
});

t.test('pages: an answer too long for one, a bad first, an after that is not there', async (t) => {
  const store = await loaded(t);
  for (const threadFrom of [null, 0]) {
    const g = wholeGraph(t, store, threadFrom, 2000);
    const where = threadFrom === null ? 'here' : 'in a worker';
    await t.rejects(
      g.findings({}),
      {
        code: 'BAD_USER_INPUT',
        message:
          /^first: [\d,]+ findings are more than one answer holds \(2,000\): ask for them in pages/,
      },
      `${where}: too many for one answer`,
    );
    await t.rejects(
      g.findings({ first: 2001 }),
      { message: 'first: must be a whole number from 1 to 2000, got 2001' },
      `${where}: first over the limit`,
    );
    await t.rejects(g.findings({ first: 0 }), {
      message: 'first: must be a whole number from 1 to 2000, got 0',
    });
    await t.rejects(
      g.findings({ first: 10, after: 'no|such|FINDING' }),
      {
        code: 'BAD_USER_INPUT',
        message: /^after: no finding "no\|such\|FINDING" in this answer: the register changed/,
      },
      `${where}: an unknown after`,
    );
    const page = await g.findings({ first: 2000 });
    t.equal(page.length, 2000, `${where}: a full page`);
  }
});

t.test(
  'through GraphQL: pages with first and after, ids, the limit from the configuration',
  async (t) => {
    const store = await loaded(t);
    const expected = ids(await wholeGraph(t, await loaded(t), null).findings({}));
    const app = await buildApp({
      store,
      security: { ...defaultSecurity(), wholeGraphWorkerFrom: 0, maxFindingsPerAnswer: 5000 },
    });
    t.teardown(() => app.close());
    const whole = await gql(app, '{ redelegationFindings { id } }');
    t.equal(whole.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    t.match(
      whole.errors?.[0]?.message,
      /more than one answer holds \(5,000\)/,
      'one answer holds at most MAX_FINDINGS_PER_ANSWER',
    );
    const read: string[] = [];
    for (let after: string | null = null; ;) {
      const { data, errors } = await gql(
        app,
        'query($after: ID) { redelegationFindings(first: 5000, after: $after) { id rule entrustment { id } upstream { id } } }',
        { after },
      );
      t.same(errors, undefined);
      const page = data.redelegationFindings as {
        id: string;
        rule: string;
        entrustment: { id: string };
        upstream: { id: string };
      }[];
      t.ok(
        page.every((f) => f.id === `${f.entrustment.id}|${f.upstream.id}|${f.rule}`),
        'each id is entrustment|upstream|rule',
      );
      read.push(...page.map((f) => f.id));
      if (page.length < 5000) break;
      after = page[page.length - 1]!.id;
    }
    t.same(read, expected, 'the pages make up the whole list');

    // A controller's findings: the worker leaves out what the query does not read, never what it does.
    const controller = (await wholeGraph(t, await loaded(t), null).findings({})).find(
      (f) => f.rule === 'UNAPPROVED',
    )!.upstream.client;
    const full = await wholeGraph(t, await loaded(t), null).findings({ controller });
    const asked = (fields: string) =>
      gql(app, `query($c: ID!) { redelegationFindings(controller: $c) { id ${fields} } }`, {
        c: controller,
      });
    const bare = await asked('rule');
    t.same(
      bare.data.redelegationFindings.map((f: { id: string }) => f.id),
      ids(full),
      `the findings of ${controller}'s chain`,
    );
    const told = await asked('explanation missingApprovals { id }');
    t.same(
      told.data.redelegationFindings.map((f: any) => [
        f.explanation,
        f.missingApprovals.map((p: { id: string }) => p.id),
      ]),
      full.map((f) => [f.explanation, f.missingApprovals]),
      'asked for, explanations and missing approvals come whole',
    );
    t.ok(
      full.some((f) => f.missingApprovals.length > 0),
      'some of them name approvals missing',
    );
    const lean = await wholeGraph(t, store, 0).findings({ controller }, { lean: true });
    t.ok(
      lean.every((f) => f.explanation === '' && f.missingApprovals.length === 0),
      'the lean page the worker sends leaves them out',
    );
  },
);

t.test('a worker that cannot open the store says so on every ask', async (t) => {
  const store = await loaded(t);
  // The same store, said to live where no store can be opened: the worker fails, not this thread.
  const elsewhere = rememberTarget(new Proxy(store, {}), {
    kind: 'embedded',
    dataDir: '/dev/null/not-a-directory',
  });
  const g = wholeGraph(t, elsewhere, 0);
  await t.rejects(g.findings({ first: 10 }), /not-a-directory|ENOTDIR/);
  await t.rejects(g.concentration(undefined, 5), /not-a-directory|ENOTDIR/, 'and again');
  t.equal(
    (await wholeGraph(t, store, 0).concentration(undefined, 5)).length,
    5,
    'the store itself answers through a worker',
  );
});

t.test(
  'on Neo4j: the worker opens a driver of its own and answers as this thread does',
  { skip: neo4jSkip('whole-graph answers in a worker') },
  async (t) => {
    const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
    t.teardown(() => store.close());
    // Other suites write to the same database meanwhile: this register's ids are its own, and only
    // the answers about them are compared (nothing links them to other suites' records).
    const prefix = `wg${process.pid}-`;
    const document = generate(200, 11).document.replace(/"([pe]\d{7})"/g, `"${prefix}$1"`);
    const report = await importRegister(store, document);
    t.ok(report.ok, `${report.entrustments} entrustments`);
    const { parties, entrustments } = JSON.parse(document) as {
      parties: { id: string }[];
      entrustments: { id: string }[];
    };
    t.teardown(() =>
      store.remove({
        entrustments: entrustments.map((e) => e.id),
        parties: parties.map((p) => p.id),
      }),
    );

    const ours = (findings: readonly Finding[]) =>
      ids(findings).filter((id) => id.startsWith(prefix));
    const [here, there] = [wholeGraph(t, store, null), wholeGraph(t, store, 0)];
    const expected = ours(await here.findings({}));
    t.ok(expected.length > 50, `${expected.length} findings in this register`);
    t.same(ours(await there.findings({})), expected, 'whole-register findings');
    const ranked = (rows: { party: string }[]) => rows.filter((r) => r.party.startsWith(prefix));
    t.same(
      ranked(await there.concentration(undefined, ALL)),
      ranked(await here.concentration(undefined, ALL)),
      'concentration',
    );
  },
);
