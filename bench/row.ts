import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { importRegister } from '../src/register/import.js';
import { defaultSecurity } from '../src/security-config.js';
import { openEmbeddedStore } from '../src/store/embedded/index.js';
import { generate, type Synthetic } from './generate.js';

// node [--cpu-prof] dist/bench/row.js ROW [parties] [runs]: one row of the bench alone, on the
// embedded store, through GraphQL as `npm run bench` asks it: to profile one question, or to
// compare two builds run after run (A/B/A/B) on a shared machine. VC_BENCH_DIR keeps the imported
// store between runs (imported when the directory does not exist yet). Prints one JSON line.

const ROWS = {
  leaf: ['leaves', { from: '2015-01-01', to: '2015-07-01' }],
  hub: ['hubs', { from: '2015-01-01', to: '2015-07-01' }],
  'leaf-open-start': ['leaves', { to: '2015-07-01' }],
  'leaf-open': ['leaves', {}],
  'hub-open-start': ['hubs', { to: '2015-07-01' }],
  'hub-open': ['hubs', {}],
  // A controller's findings, each asked once (cold): what a dashboard tile asks first.
  findings: ['controllers', {}],
} as const;
type Row = keyof typeof ROWS;

const BLAST = `query($party: ID!, $from: Date, $to: Date) {
  blastRadius(party: $party, from: $from, to: $to) { controllers { party { id } exposure paths { hops { id } } } }
}`;
const FINDINGS = 'query($c: ID!) { redelegationFindings(controller: $c) { id rule severity } }';

const [row, partiesArg, runsArg] = process.argv.slice(2);
if (!row || !(row in ROWS)) {
  console.error(`usage: row.js (${Object.keys(ROWS).join('|')}) [parties] [runs]`);
  process.exit(2);
}
const parties = Number(partiesArg ?? 10_000);
const runs = Number(runsArg ?? 5);
const [pick, window] = ROWS[row as Row];

const keep = process.env.VC_BENCH_DIR;
const fresh = keep === undefined || !existsSync(keep);
const dir = keep ?? mkdtempSync(join(tmpdir(), 'vc-bench-row-'));
const synthetic: Synthetic = generate(parties);
let store = await openEmbeddedStore(dir);
if (fresh) {
  const report = await importRegister(store, synthetic.document);
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  await store.close();
  store = await openEmbeddedStore(dir);
}
const app = await buildApp({
  store,
  security: { ...defaultSecurity(), rateLimitPerMinute: 1_000_000 },
});
await app.ready();

async function ask(query: string, variables: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  const body = res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const ids = synthetic[pick];
const times: number[] = [];
// CPU time (all of the process's threads, the collector's included) is less at the mercy of other
// work on a shared machine than the wall clock.
const cpu: number[] = [];
let size = 0;
for (let i = 0; i < runs; i++) {
  const id = ids[i % ids.length]!;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const data =
    row === 'findings'
      ? await ask(FINDINGS, { c: id })
      : await ask(BLAST, { party: id, ...window });
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  size +=
    row === 'findings' ? data.redelegationFindings.length : data.blastRadius.controllers.length;
}
await app.close();
await store.close();
if (!keep) rmSync(dir, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
const cpuSorted = [...cpu].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    row,
    parties,
    runs,
    p50: Math.round(sorted[Math.floor(runs / 2)]!),
    max: Math.round(sorted[runs - 1]!),
    times: times.map(Math.round),
    cpuP50: Math.round(cpuSorted[Math.floor(runs / 2)]!),
    cpuTotal: Math.round(cpu.reduce((a, b) => a + b, 0)),
    load: loadavg()[0]!.toFixed(1),
    meanSize: size / runs,
  }),
);
