import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

// Sends one large request from another process (so the sending costs this process nothing) while
// this process asks /healthz and a small GraphQL query every 20 ms, and watches its own event loop.

export interface Watched<T> {
  answer: T;
  /** Every /healthz and small-query answer's time, send to answer, in ms. */
  latencies: number[];
  /** The most CPU time the main thread spent between two 10 ms ticks of its event loop, in ms. */
  longestBusy: number;
  requestMs: number;
}

const SENDER = `
const [url, file] = process.argv.slice(1);
const body = require('node:fs').readFileSync(file);
fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  .then((res) => res.text()).then((text) => process.stdout.write(text), (error) => { process.stderr.write(String(error.cause ?? error)); process.exit(1); });
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function postWhilePolling<T>(
  url: string,
  bodyFile: string,
  body: string,
): Promise<Watched<T>> {
  await writeFile(bodyFile, body);
  let sending = true;
  const latencies: number[] = [];
  const timed = async (path: string, init?: RequestInit) => {
    const start = performance.now();
    const res = await fetch(`${url}${path}`, init);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    latencies.push(performance.now() - start);
  };
  const poller = (async () => {
    while (sending) {
      await Promise.all([
        timed('/healthz'),
        timed('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ stats { parties } }"}',
        }),
      ]);
      await sleep(20);
    }
  })();
  const start = performance.now();
  const { value: sent, longestBusy } = await watchMainThread(async () => {
    const sender = spawn(process.execPath, ['-e', SENDER, `${url}/graphql`, bodyFile]);
    let out = '';
    let err = '';
    sender.stdout.on('data', (c) => (out += c));
    sender.stderr.on('data', (c) => (err += c));
    const code = await new Promise((resolve) => sender.on('exit', resolve));
    return { code, out, err };
  });
  const requestMs = performance.now() - start;
  sending = false;
  await poller;
  if (sent.code !== 0) throw new Error(`the request failed: ${sent.err}`);
  return { answer: JSON.parse(sent.out) as T, latencies, longestBusy, requestMs };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** utime + stime of the main thread (its task id is the process id), in ms. */
export function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

const TICKS_PER_SECOND = 100;

/** Runs `work` while sampling this thread's CPU every 10 ms: the most it spent between two ticks. */
export async function watchMainThread<T>(
  work: () => Promise<T>,
): Promise<{ value: T; longestBusy: number }> {
  let previous = mainThreadCpuMs();
  let longestBusy = 0;
  const sampler = setInterval(() => {
    const now = mainThreadCpuMs();
    longestBusy = Math.max(longestBusy, now - previous);
    previous = now;
  }, 10);
  try {
    const value = await work();
    longestBusy = Math.max(longestBusy, mainThreadCpuMs() - previous);
    return { value, longestBusy };
  } finally {
    clearInterval(sampler);
  }
}
