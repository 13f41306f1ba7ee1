import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openEmbeddedStore } from '../src/store/embedded/index.js';
import { benchExplorerFrames } from './explorer-frames.js';
import { benchExplorerLayout } from './explorer-layout.js';
import { storesToMeasure } from './stores.js';
import { benchWorkbookUpload, describeWorkbookUpload } from './workbook-upload.js';
import { comparisonTable, differingAnswers, type Measured } from './table.js';

// npm run bench [-- 10000 100000]: for synthetic registers of the given sizes (parties), on the
// embedded store and on a Neo4j of the bench's own (when Java and Maven are here): import rate,
// blast-radius and supply-chain latency through GraphQL, concentration, start-up time on the
// persisted store, and memory; on Neo4j also a first load by neo4j-admin. Each store at each size
// is measured in a process of its own (measure-store.ts), one after the other; the run ends with
// a table of Neo4j / embedded ratios.

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

{
  const dir = mkdtempSync(join(tmpdir(), 'vc-bench-explorer-'));
  try {
    const layoutStore = await openEmbeddedStore(join(dir, 'layout'));
    const e = await benchExplorerLayout(layoutStore).finally(() => layoutStore.close());
    // Each run gets a store of its own; whoever opens a store closes it (an app never does).
    const framesStore = await openEmbeddedStore(join(dir, 'frames'));
    const f = await benchExplorerFrames(framesStore).finally(() => framesStore.close());
    console.log(
      [
        `## explorer: a hub leak with ${e.controllers} controllers`,
        `blast radius query ${e.queryMs.toFixed(0)} ms; picture built in ${e.buildMs.toFixed(1)} ms`,
        `grouped (${e.grouped.nodes.length} nodes, ${e.grouped.edges.length} edges, ${e.grouped.grouped} controllers in groups): dagre layout ${e.layoutMs.toFixed(0)} ms`,
        `ungrouped (${e.ungrouped.nodes.length} nodes, ${e.ungrouped.edges.length} edges): dagre layout ${e.flatMs.toFixed(0)} ms`,
        f
          ? `in Chromium at 1024×768: picture ready ${f.readyMs.toFixed(0)} ms after the address (layout ${f.layoutMs} ms, ${f.nodes} nodes listed); frames while zooming p50 ${f.frames.p50.toFixed(1)} ms, p95 ${f.frames.p95.toFixed(1)} ms, max ${f.frames.max.toFixed(1)} ms (${f.frames.count} frames)`
          : 'in Chromium: skipped (no /usr/bin/chromium or no dist/explorer)',
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A 100k-entrustment workbook uploaded while a client keeps asking (issue 24).
console.log(describeWorkbookUpload(await benchWorkbookUpload(10_000)));

/**
 * Runs a bench script of this directory in a process of its own, passing its report on, and
 * resolves with what it measured (its last line `MEASURED <json>`), if it says.
 */
function inChild(script: string, args: string[]): Promise<Measured | null> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, path, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let measured: Measured | null = null;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('MEASURED ')) measured = JSON.parse(line.slice('MEASURED '.length));
    else console.log(line);
  });
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(measured)
        : reject(new Error(`${script} ${args.join(' ')} ended with ${code}`)),
    ),
  );
}

/** Measures one store at one size (measure-store.ts). */
async function measureStore(size: number, store: string, load: boolean, dashboard: boolean) {
  const measured = await inChild('./measure-store.js', [
    String(size),
    store,
    load ? '1' : '0',
    dashboard ? '1' : '0',
  ]);
  if (!measured) throw new Error(`measuring ${store} at ${size} parties gave no measures`);
  return measured;
}

const all: Measured[] = [];
const measured = sizes.length > 0 ? sizes : [10_000, 100_000];
for (const size of measured) {
  // The YAML parsers' ratio, up to 10k parties (`npm run bench:yaml -- 100000` for more): at 100k
  // the register's text is 251 MiB, and the yaml package's three readings took over 17 minutes.
  if (size <= 10_000) await inChild('./yaml-run.js', [String(size)]);
  for (const name of storesToMeasure())
    // The load test runs on the largest graph (issue 10: the 100k-party one), on each store;
    // the dashboard load on the smallest (issue 22: the 10k-party one).
    all.push(
      await measureStore(
        size,
        name,
        size === Math.max(...measured),
        size === Math.min(...measured),
      ),
    );
}
console.log(comparisonTable(all));
const differ = differingAnswers(all);
if (differ.length > 0) {
  console.log(`\nTHE STORES ANSWERED DIFFERENTLY (${differ.length}):\n${differ.join('\n')}`);
  process.exitCode = 1;
}
