import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { defaultSecurity } from '../../src/security-config.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from './app.js';
import { percentile, postWhilePolling } from './poll-while.js';
import { perfThreshold } from './perf.js';

// A real server on a real embedded store, and a large importRegister sent to it while this
// process polls /healthz and a small query (poll-while.ts): for test/http/large-import*.test.ts.

const IMPORT =
  'mutation($document: String!) { importRegister(document: $document) { ok parties entrustments errors { path line message } } }';

export type ImportAnswer = {
  data?: {
    importRegister: {
      ok: boolean;
      parties: number;
      entrustments: number;
      errors: { path: string; line: number | null; message: string }[];
    };
  };
  errors?: unknown[];
};

export async function serve(t: Test): Promise<{ url: string; store: StorePort }> {
  const store = await tempStore(t, 'vc-large-');
  // The poller asks ~100 times a second, and on a loaded machine a 50 MB import can keep its
  // connection silent for over a minute: neither limit is what these tests are about.
  const app = await buildApp({
    store,
    security: { ...defaultSecurity(), rateLimitPerMinute: 1_000_000, requestTimeoutMs: 600_000 },
  });
  t.teardown(() => app.close());
  return { url: await app.listen({ host: '127.0.0.1', port: 0 }), store };
}

/** Imports `text` over HTTP while polling; asserts the main thread kept turning; returns the answer. */
export async function importWhilePolling(
  t: Test,
  url: string,
  text: string,
): Promise<ImportAnswer> {
  return postAsserted<ImportAnswer>(
    t,
    url,
    JSON.stringify({ query: IMPORT, variables: { document: text } }),
    'import',
  );
}

/** Sends a GraphQL request body while polling; asserts the main thread kept turning; returns the answer. */
export async function postAsserted<T>(
  t: Test,
  url: string,
  body: string,
  what = 'request',
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vc-large-body-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const watched = await postWhilePolling<T>(url, join(dir, 'body.json'), body);
  const l = watched.latencies;
  t.comment(
    `${what} ${Math.round(watched.requestMs)} ms; ${l.length} answers: median ${percentile(l, 50).toFixed(1)} ms, p99 ${percentile(l, 99).toFixed(1)} ms, slowest ${Math.max(...l).toFixed(1)} ms; main thread CPU at most ${watched.longestBusy.toFixed(0)} ms between two 10 ms ticks`,
  );
  t.ok(l.length >= 20, `answers all along the ${what} (${l.length})`);
  perfThreshold(
    t,
    watched.longestBusy < 100,
    `the main thread never works 100 ms without a turn of its event loop (longest ${watched.longestBusy.toFixed(0)} ms)`,
  );
  perfThreshold(
    t,
    percentile(l, 50) < 100,
    `answers come within 100 ms (median ${percentile(l, 50).toFixed(1)} ms)`,
  );
  return watched.answer;
}
