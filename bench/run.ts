import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { importRegister } from '../src/register/import.js';
import { openEmbeddedStore } from '../src/store/embedded/index.js';
import { benchExplorerLayout } from './explorer-layout.js';
import { generate } from './generate.js';

// npm run bench [-- 10000 100000]: import rate, blast-radius latency through GraphQL, start-up
// time on the persisted store and RSS, for synthetic registers of the given sizes (parties).

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const QUERY = `query($party: ID!, $from: Date, $to: Date) {
  blastRadius(party: $party, from: $from, to: $to) { controllers { party { id } exposure paths { hops { id } } } }
}`;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

async function latencies(app: Awaited<ReturnType<typeof buildApp>>, parties: string[], runs: number) {
  const times: number[] = [];
  let controllers = 0;
  for (let i = 0; i < runs; i++) {
    const party = parties[i % parties.length];
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query: QUERY, variables: { party, from: '2015-01-01', to: '2015-07-01' } } });
    times.push(performance.now() - t0);
    const body = res.json();
    if (body.errors) throw new Error(`blast radius failed: ${JSON.stringify(body.errors)}`);
    controllers += body.data.blastRadius.controllers.length;
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), controllers: controllers / runs };
}

async function benchOne(partyCount: number) {
  const dir = mkdtempSync(join(tmpdir(), 'vc-bench-'));
  try {
    const t0 = performance.now();
    const synthetic = generate(partyCount);
    const generated = performance.now() - t0;
    let store = await openEmbeddedStore(dir);
    const t1 = performance.now();
    const report = await importRegister(store, synthetic.document);
    const importMs = performance.now() - t1;
    if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 5))}`);
    process.stderr.write(`[${partyCount}] imported in ${(importMs / 1000).toFixed(1)} s, RSS ${mb(process.memoryUsage().rss)}\n`);
    await store.close();

    const t2 = performance.now();
    store = await openEmbeddedStore(dir);
    const app = await buildApp({ store });
    await app.ready();
    await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ stats { entrustments } }' } });
    const startMs = performance.now() - t2;

    await latencies(app, synthetic.leaves, 20); // warm-up
    const leaf = await latencies(app, synthetic.leaves, 200);
    const hub = await latencies(app, synthetic.hubs, 50);
    const concentration = async (asOf?: string) => {
      const t3 = performance.now();
      const ranked = await app.inject({ method: 'POST', url: '/graphql', payload: { query: 'query($a: Date) { concentration(asOf: $a, first: 10) { party { id } controllers } }', variables: { a: asOf } } });
      if (ranked.json().errors) throw new Error(`concentration failed: ${JSON.stringify(ranked.json().errors)}`);
      return { ms: performance.now() - t3, top: ranked.json().data.concentration[0].controllers as number };
    };
    const whole = await concentration();
    const onDate = await concentration('2016-06-01');
    const again = await concentration();
    await app.close();
    return { partyCount, synthetic, generated, importMs, startMs, leaf, hub, whole, onDate, again, rss: process.memoryUsage().rss };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

{
  const dir = mkdtempSync(join(tmpdir(), 'vc-bench-explorer-'));
  try {
    const e = await benchExplorerLayout(await openEmbeddedStore(dir));
    console.log([
      `## explorer: a hub leak with ${e.controllers} controllers`,
      `blast radius query ${e.queryMs.toFixed(0)} ms; picture built in ${e.buildMs.toFixed(1)} ms`,
      `grouped (${e.grouped.nodes.length} nodes, ${e.grouped.edges.length} edges, ${e.grouped.grouped} controllers in groups): dagre layout ${e.layoutMs.toFixed(0)} ms`,
      `ungrouped (${e.ungrouped.nodes.length} nodes, ${e.ungrouped.edges.length} edges): dagre layout ${e.flatMs.toFixed(0)} ms`,
      '',
    ].join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const r = await benchOne(size);
  const rate = Math.round(r.synthetic.entrustments / (r.importMs / 1000));
  console.log(
    [
      `## ${r.partyCount.toLocaleString('en')} parties, ${r.synthetic.entrustments.toLocaleString('en')} entrustments (generated in ${(r.generated / 1000).toFixed(1)} s)`,
      `import (parse + validate + resolve + write): ${(r.importMs / 1000).toFixed(1)} s = ${rate.toLocaleString('en')} entrustments/s`,
      `start-up on the persisted store (open + app + first query): ${r.startMs.toFixed(0)} ms`,
      `blast radius, leaf leak (${r.synthetic.leaves.length} leaves, 200 runs): p50 ${r.leaf.p50.toFixed(1)} ms, p99 ${r.leaf.p99.toFixed(1)} ms, ${r.leaf.controllers.toFixed(1)} controllers on average`,
      `blast radius, hub leak (${r.synthetic.hubs.length} hubs, 50 runs): p50 ${r.hub.p50.toFixed(1)} ms, p99 ${r.hub.p99.toFixed(1)} ms, ${r.hub.controllers.toFixed(1)} controllers on average`,
      `concentration over the whole graph (top 10): ${(r.whole.ms / 1000).toFixed(2)} s, the first party reaches ${r.whole.top.toLocaleString('en')} controllers`,
      `concentration as of 2016-06-01 (top 10): ${(r.onDate.ms / 1000).toFixed(2)} s, the first party reaches ${r.onDate.top.toLocaleString('en')} controllers`,
      `concentration over the whole graph asked again, nothing written since (remembered): ${r.again.ms.toFixed(1)} ms`,
      `RSS after the run: ${mb(r.rss)}`,
      '',
    ].join('\n'),
  );
}
