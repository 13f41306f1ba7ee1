import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toSheets } from '../src/register/sheets/to-sheets.js';
import { writeXlsx } from '../src/register/sheets/write-xlsx.js';
import { generate } from './generate.js';
import { serve } from './served.js';

// A large workbook uploaded to the running service (POST /register.xlsx, as an editor's browser
// sends it) while another client keeps asking a small question: the workbook is read, checked and
// written in the import worker, so the small question's latency should stay near its idle value.

const SMALL = JSON.stringify({ query: '{ stats { parties entrustments } }' });

export interface WorkbookUpload {
  entrustments: number;
  megabytes: number;
  writeMs: number;
  importMs: number;
  idle: Latency;
  during: Latency;
}

interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function summarise(xs: number[]): Latency {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { count: xs.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

async function ask(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: SMALL,
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`the small question failed: HTTP ${res.status}`);
  return performance.now() - t0;
}

export async function benchWorkbookUpload(parties: number): Promise<WorkbookUpload> {
  const synthetic = generate(parties);
  const t0 = performance.now();
  const workbook = await writeXlsx(toSheets(JSON.parse(synthetic.document)), { blankRows: 0 });
  const writeMs = performance.now() - t0;
  const dir = mkdtempSync(join(tmpdir(), 'vc-bench-workbook-'));
  const served = await serve({ STORE: 'embedded', DATA_DIR: dir });
  try {
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(await ask(served.url));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(workbook)]), 'register.xlsx');
    const started = performance.now();
    let done = false;
    const upload = fetch(served.url.replace(/\/graphql$/, '/register.xlsx'), {
      method: 'POST',
      body: form,
    }).then(async (res) => {
      done = true;
      return { status: res.status, body: (await res.json()) as { ok: boolean; errors: unknown[] } };
    });
    const during: number[] = [];
    while (!done) during.push(await ask(served.url));
    const { status, body } = await upload;
    if (!body.ok)
      throw new Error(
        `the workbook did not import (HTTP ${status}): ${JSON.stringify(body.errors.slice(0, 3))}`,
      );
    return {
      entrustments: synthetic.entrustments,
      megabytes: workbook.byteLength / 1024 / 1024,
      writeMs,
      importMs: performance.now() - started,
      idle: summarise(idle),
      during: summarise(during),
    };
  } finally {
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeWorkbookUpload(r: WorkbookUpload): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return [
    `## workbook upload: ${r.entrustments.toLocaleString('en')} entrustments (${r.megabytes.toFixed(1)} MB .xlsx, written in ${(r.writeMs / 1000).toFixed(1)} s)`,
    `POST /register.xlsx, read, checked and written in the import worker: ${(r.importMs / 1000).toFixed(1)} s = ${Math.round(r.entrustments / (r.importMs / 1000)).toLocaleString('en')} entrustments/s`,
    `a small question meanwhile (${r.during.count} asked): p50 ${ms(r.during.p50)}, p99 ${ms(r.during.p99)}, max ${ms(r.during.max)}; idle (${r.idle.count}): p50 ${ms(r.idle.p50)}, p99 ${ms(r.idle.p99)}, max ${ms(r.idle.max)}`,
    '',
  ].join('\n');
}

// `node dist/bench/workbook-upload.js [parties]`: this measurement alone (10 entrustments a party).
if (import.meta.url === `file://${process.argv[1]}`)
  console.log(describeWorkbookUpload(await benchWorkbookUpload(Number(process.argv[2] ?? 10_000))));
