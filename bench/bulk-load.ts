import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inProject } from '../src/paths.js';
import { openNeo4jStore } from '../src/store/neo4j/index.js';
import type { Synthetic } from './generate.js';
import { freePort, startOwnNeo4j } from './neo4j-server.js';
import { benchNeo4jMemory } from './stores.js';

// A first load by neo4j-admin (cypher/README.md, "Bulk load"), timed from the register's text to a
// store that answers: neo4j-csv's check and files, neo4j-admin's import with the server's start on
// it, and the service's first open, which creates the indexes. neo4j-csv runs as a user runs it:
// the command, in a process of its own, on the register's file.

export interface BulkLoadTimes {
  filesMs: number;
  importAndStartMs: number;
  firstOpenMs: number;
  totalMs: number;
}

/** Runs of the first load (VC_BENCH_BULK_RUNS, default 3): one run's time varies by a tenth on this machine. */
const RUNS = Math.max(1, Number(process.env.VC_BENCH_BULK_RUNS ?? 3));

/** Every run's times, the median run first. */
export async function benchBulkLoads(synthetic: Synthetic, runs = RUNS): Promise<BulkLoadTimes[]> {
  const times: BulkLoadTimes[] = [];
  for (let i = 0; i < runs; i++) times.push(await benchBulkLoad(synthetic));
  const byTotal = [...times].sort((a, b) => a.totalMs - b.totalMs);
  const median = byTotal[Math.floor((byTotal.length - 1) / 2)]!;
  return [median, ...times.filter((t) => t !== median)];
}

export async function benchBulkLoad(synthetic: Synthetic): Promise<BulkLoadTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'vc-bench-bulk-'));
  try {
    const register = join(dir, 'register.json');
    writeFileSync(register, synthetic.document);
    const csv = join(dir, 'csv');
    const t0 = performance.now();
    await neo4jCsv(register, csv);
    const t1 = performance.now();
    const server = await startOwnNeo4j(await freePort(), {
      ...benchNeo4jMemory(),
      NEO4J_TEST_IMPORT: csv,
    });
    try {
      const t2 = performance.now();
      const store = await openNeo4jStore({
        uri: server.uri,
        user: 'neo4j',
        password: 'auth-disabled',
        connectTimeoutS: 60,
      });
      const t3 = performance.now();
      const { entrustments } = await store.counts();
      await store.close();
      if (entrustments !== synthetic.entrustments)
        throw new Error(
          `the bulk load holds ${entrustments} entrustments, not ${synthetic.entrustments}`,
        );
      return {
        filesMs: t1 - t0,
        importAndStartMs: t2 - t1,
        firstOpenMs: t3 - t2,
        totalMs: t3 - t0,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function neo4jCsv(register: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [inProject('bin', 'vendor-chain.js'), 'neo4j-csv', register, '--out', out],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`neo4j-csv exited with ${code}: ${stderr.slice(0, 2000)}`)),
    );
  });
}

/** The median run (`runs[0]`) in full, and the range of all runs' rates. */
export function describeBulkLoad(synthetic: Synthetic, runs: BulkLoadTimes[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rate = (t: BulkLoadTimes) => Math.round(synthetic.entrustments / (t.totalMs / 1000));
  const median = runs[0]!;
  const rates = runs.map(rate).sort((a, b) => a - b);
  const of =
    runs.length === 1
      ? ''
      : `, the median of ${runs.length} runs (${rates[0]!.toLocaleString('en')} to ${rates.at(-1)!.toLocaleString('en')} entrustments/s)`;
  return [
    `## neo4j first load by neo4j-admin: ${synthetic.parties.toLocaleString('en')} parties, ${synthetic.entrustments.toLocaleString('en')} entrustments`,
    `${s(median.totalMs)} = ${rate(median).toLocaleString('en')} entrustments/s${of}: neo4j-csv (parse + validate + resolve + CSV) ${s(median.filesMs)}, neo4j-admin import and server start ${s(median.importAndStartMs)}, first open (indexes) ${s(median.firstOpenMs)}`,
    '',
  ].join('\n');
}
