import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { importRegister } from '../src/register/import.js';
import { defaultSecurity } from '../src/security-config.js';
import { ANALYSES, ANALYSIS_NAMES } from './analyses.js';
import { benchBulkLoads, describeBulkLoad } from './bulk-load.js';
import { generate, type Synthetic } from './generate.js';
import { embedded, neo4j, type StoreUnderTest } from './stores.js';
import { describeLoad, loadTest } from './load.js';
import { describeDashboardLoad, dashboardLoad } from './dashboard-load.js';
import { serve } from './served.js';
import type { Measured } from './table.js';

// One store at one size, in a process of its own (bench/run.ts starts one per store and size): at
// 100k parties one process holding both stores' answers, the generated register and its parse
// ran out of memory beside Neo4j's JVM. Prints what it measured, then a last line
// `MEASURED <json>` for run.ts's table.
//
//   node dist/bench/measure-store.js <parties> <embedded|neo4j> <load: 0|1> <dashboard: 0|1>

const BLAST = `query($party: ID!, $from: Date, $to: Date) {
  blastRadius(party: $party, from: $from, to: $to) { controllers { party { id } exposure paths { hops { id } } } }
}`;
// The exposed set alone (issue 21's goal for a hub's open window): who, how, aware, how many paths.
const BLAST_SET = `query($party: ID!, $from: Date, $to: Date) {
  blastRadius(party: $party, from: $from, to: $to) { controllers { party { id } exposure aware pathCount } }
}`;
const CHAIN =
  'query($c: ID!, $d: Date) { supplyChain(controller: $c, asOf: $d) { members { party { id } depth } } }';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
type App = Awaited<ReturnType<typeof buildApp>>;

async function ask(app: App, query: string, variables: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = res.json();
  if (body.errors) throw new Error(`${query.slice(0, 40)}… failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function latencies(runs: number, ids: string[], one: (id: string) => Promise<number>) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    size += await one(ids[i % ids.length]!);
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean: size / runs };
}

/** Runs of each hub leak with an open window (VC_BENCH_HUB_OPEN_RUNS, default 9): each reads most of the graph. */
const HUB_OPEN_RUNS = Number(process.env.VC_BENCH_HUB_OPEN_RUNS ?? 9);

/** Runs of each analysis of a leaf (VC_BENCH_ANALYSIS_RUNS, default 50): at 100k parties some take seconds. */
const ANALYSIS_RUNS = Number(process.env.VC_BENCH_ANALYSIS_RUNS ?? 50);

/** Seconds of each load run (VC_BENCH_LOAD_S, default 30; 0 skips it). */
const LOAD_SECONDS = Number(process.env.VC_BENCH_LOAD_S ?? 30);
/** Seconds of the dashboard load (VC_BENCH_DASHBOARD_S, default 30; 0 skips it). */
const DASHBOARD_SECONDS = Number(process.env.VC_BENCH_DASHBOARD_S ?? 30);

async function benchOne(
  synthetic: Synthetic,
  target: StoreUnderTest,
  load: boolean,
  dashboard: boolean,
): Promise<Measured> {
  let store = await target.openToImport();
  const watch = target.watchTransactions?.();
  const t1 = performance.now();
  const report = await importRegister(store, synthetic.document);
  const importMs = performance.now() - t1;
  const transactionPeak = (await watch?.stop()) ?? null;
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 5))}`);
  process.stderr.write(
    `[${synthetic.parties} ${target.name}] imported in ${(importMs / 1000).toFixed(1)} s\n`,
  );
  await store.close();

  const t2 = performance.now();
  store = await target.open();
  const app = await buildApp({
    store,
    security: { ...defaultSecurity(), rateLimitPerMinute: 1_000_000 },
  });
  await app.ready();
  await ask(app, '{ stats { entrustments } }', {});
  const startMs = performance.now() - t2;

  const blast = (id: string) =>
    ask(app, BLAST, { party: id, from: '2015-01-01', to: '2015-07-01' }).then(
      (d) => d.blastRadius.controllers.length as number,
    );
  const chain = (id: string) =>
    ask(app, CHAIN, { c: id, d: '2016-06-01' }).then((d) => d.supplyChain.members.length as number);
  await latencies(20, synthetic.leaves, blast); // warm-up
  const leaf = await latencies(200, synthetic.leaves, blast);
  const hub = await latencies(50, synthetic.hubs, blast);
  // Windows open at the start and at both ends (issue 21): a hub's reaches most of the graph.
  const blastOpen = (to?: string) => (id: string) =>
    ask(app, BLAST, { party: id, to }).then((d) => d.blastRadius.controllers.length as number);
  const leafOpenStart = await latencies(50, synthetic.leaves, blastOpen('2015-07-01'));
  const leafOpen = await latencies(50, synthetic.leaves, blastOpen());
  const hubOpenStart = await latencies(HUB_OPEN_RUNS, synthetic.hubs, blastOpen('2015-07-01'));
  const hubOpen = await latencies(HUB_OPEN_RUNS, synthetic.hubs, blastOpen());
  const hubOpenSet = await latencies(HUB_OPEN_RUNS, synthetic.hubs, (id) =>
    ask(app, BLAST_SET, { party: id }).then((d) => d.blastRadius.controllers.length as number),
  );
  const supplyChain = await latencies(100, synthetic.controllers, chain);
  const analyses = {} as Measured['analyses'];
  for (const name of ANALYSIS_NAMES) {
    const { query, size } = ANALYSES[name];
    const one = (id: string) => ask(app, query, { p: id }).then(size);
    analyses[name] = {
      hub: await latencies(HUB_OPEN_RUNS, synthetic.hubs, one),
      leaf: await latencies(ANALYSIS_RUNS, synthetic.leaves, one),
    };
  }
  const concentration = async (asOf?: string) => {
    const t3 = performance.now();
    const data = await ask(
      app,
      'query($a: Date) { concentration(asOf: $a, first: 10) { party { id } controllers } }',
      { a: asOf },
    );
    return { ms: performance.now() - t3, top: data.concentration[0].controllers as number };
  };
  const whole = await concentration();
  const onDate = await concentration('2016-06-01');
  const again = await concentration();
  const rss = process.memoryUsage().rss;
  const outside = target.outsideRss();
  await app.close();
  await store.close();
  if (dashboard && DASHBOARD_SECONDS > 0) {
    const served = await serve(target.serverEnv);
    try {
      const r = await dashboardLoad(
        served,
        synthetic.hubs,
        synthetic.controllers,
        DASHBOARD_SECONDS,
      );
      console.log(describeDashboardLoad(synthetic.parties, target.name, r, DASHBOARD_SECONDS));
    } finally {
      await served.stop();
    }
  }
  if (load && LOAD_SECONDS > 0) {
    const served = await serve(target.serverEnv);
    try {
      const alone = await loadTest(served, synthetic.leaves, LOAD_SECONDS, false);
      const beside = await loadTest(served, synthetic.leaves, LOAD_SECONDS, true);
      console.log(describeLoad(synthetic.parties, target.name, alone, beside, LOAD_SECONDS));
    } finally {
      await served.stop();
    }
  }
  return {
    store: target.name,
    parties: synthetic.parties,
    entrustments: synthetic.entrustments,
    importMs,
    bulkLoadMs: null,
    startMs,
    leaf,
    hub,
    leafOpenStart,
    leafOpen,
    hubOpenStart,
    hubOpen,
    hubOpenSet,
    supplyChain,
    analyses,
    whole,
    onDate,
    again,
    rss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    outside,
    transactionPeak,
  };
}

function describe(r: Measured): string {
  const rate = Math.round(r.entrustments / (r.importMs / 1000));
  return [
    `## ${r.store}: ${r.parties.toLocaleString('en')} parties, ${r.entrustments.toLocaleString('en')} entrustments`,
    `import (parse + validate + resolve + write): ${(r.importMs / 1000).toFixed(1)} s = ${rate.toLocaleString('en')} entrustments/s`,
    ...(r.transactionPeak === null
      ? []
      : [
          `largest transaction during the import (Neo4j's estimate, sampled every 250 ms): ${mib(r.transactionPeak)} MiB`,
        ]),
    `start-up on the persisted store (open + app + first query): ${r.startMs.toFixed(0)} ms`,
    `blast radius, leaf leak (200 runs): p50 ${r.leaf.p50.toFixed(1)} ms, p99 ${r.leaf.p99.toFixed(1)} ms, ${r.leaf.mean.toFixed(1)} controllers on average`,
    `blast radius, hub leak (50 runs): p50 ${r.hub.p50.toFixed(1)} ms, p99 ${r.hub.p99.toFixed(1)} ms, ${r.hub.mean.toFixed(1)} controllers on average`,
    ...(
      [
        ['leaf leak, window open at the start (50 runs)', r.leafOpenStart],
        ['leaf leak, window open at both ends (50 runs)', r.leafOpen],
        [`hub leak, window open at the start (${HUB_OPEN_RUNS} runs)`, r.hubOpenStart],
        [`hub leak, window open at both ends (${HUB_OPEN_RUNS} runs)`, r.hubOpen],
        [
          `hub leak, window open at both ends, the exposed set without paths (${HUB_OPEN_RUNS} runs)`,
          r.hubOpenSet,
        ],
      ] as const
    ).map(
      ([what, l]) =>
        `blast radius, ${what}: p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, ${l.mean.toFixed(1)} controllers on average`,
    ),
    `supply chain as of 2016-06-01 (100 runs): p50 ${r.supplyChain.p50.toFixed(1)} ms, p99 ${r.supplyChain.p99.toFixed(1)} ms, ${r.supplyChain.mean.toFixed(1)} parties on average`,
    ...ANALYSIS_NAMES.flatMap((name) =>
      (['hub', 'leaf'] as const).map((at) => {
        const l = r.analyses[name][at];
        return `${name} of a ${at} (${at === 'hub' ? HUB_OPEN_RUNS : ANALYSIS_RUNS} runs): p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, ${l.mean.toFixed(1)} in the answer on average`;
      }),
    ),
    `concentration over the whole graph (top 10): ${(r.whole.ms / 1000).toFixed(2)} s, the first party reaches ${r.whole.top.toLocaleString('en')} controllers`,
    `concentration as of 2016-06-01 (top 10): ${(r.onDate.ms / 1000).toFixed(2)} s, the first party reaches ${r.onDate.top.toLocaleString('en')} controllers`,
    `concentration asked again, nothing written since (remembered): ${r.again.ms.toFixed(1)} ms`,
    `peak RSS of this process (this store only): ${mib(r.peakRss)} MiB`,
    `RSS after the run: ${mib(r.rss)} MiB${r.outside === null ? '' : `, and Neo4j's JVM ${mib(r.outside)} MiB`}`,
    '',
  ].join('\n');
}

const [parties, storeName, load, dashboard] = process.argv.slice(2);
const size = Number(parties);
if (!(size > 0) || (storeName !== 'embedded' && storeName !== 'neo4j'))
  throw new Error(
    'usage: measure-store.js <parties> <embedded|neo4j> <load: 0|1> <dashboard: 0|1>',
  );
const t0 = performance.now();
const synthetic = generate(size);
process.stderr.write(`[${size}] generated in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
// First, with no other Neo4j running: a first load by neo4j-admin, into a Neo4j of its own.
const bulk = storeName === 'neo4j' ? await benchBulkLoads(synthetic) : null;
if (bulk) console.log(describeBulkLoad(synthetic, bulk));
const target = storeName === 'embedded' ? embedded() : await neo4j();
try {
  const r = {
    ...(await benchOne(synthetic, target, load === '1', dashboard === '1')),
    bulkLoadMs: bulk?.[0]!.totalMs ?? null,
  };
  console.log(describe(r));
  console.log(`MEASURED ${JSON.stringify(r)}`);
} finally {
  await target.dispose();
}
