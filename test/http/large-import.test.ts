import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { defaultSecurity } from '../../src/security-config.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from '../helpers/app.js';
import { largeRegister } from '../helpers/large-register.js';
import { percentile, postWhilePolling } from '../helpers/poll-while.js';

// A 50 MB register imported through the HTTP API while another client asks /healthz and a small
// GraphQL query every 20 ms: the body is parsed and the register imported in a worker thread, so
// the event loop is never busy for 100 ms and those answers keep coming.

const MB = 1024 * 1024;
const IMPORT = 'mutation($document: String!) { importRegister(document: $document) { ok parties entrustments errors { path line message } } }';

type Answer = { data?: { importRegister: { ok: boolean; parties: number; entrustments: number; errors: { path: string; line: number; message: string }[] } }; errors?: unknown[] };

const dir = await mkdtemp(join(tmpdir(), 'vc-large-body-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));

async function serve(t: Test): Promise<{ url: string; store: StorePort }> {
  const store = await tempStore(t, 'vc-large-');
  // The poller asks ~100 times a second: the rate limit is not what this test is about.
  const app = await buildApp({ store, security: { ...defaultSecurity(), rateLimitPerMinute: 1_000_000 } });
  t.teardown(() => app.close());
  return { url: await app.listen({ host: '127.0.0.1', port: 0 }), store };
}

async function importWhilePolling(t: Test, url: string, text: string) {
  const watched = await postWhilePolling<Answer>(url, join(dir, 'body.json'), JSON.stringify({ query: IMPORT, variables: { document: text } }));
  const l = watched.latencies;
  t.comment(`request ${Math.round(watched.requestMs)} ms; ${l.length} answers: median ${percentile(l, 50).toFixed(1)} ms, p99 ${percentile(l, 99).toFixed(1)} ms, slowest ${Math.max(...l).toFixed(1)} ms; main thread CPU at most ${watched.longestBusy.toFixed(0)} ms between two 10 ms ticks`);
  t.ok(l.length >= 20, `answers all along the import (${l.length})`);
  t.ok(watched.longestBusy < 100, `the main thread never works 100 ms without a turn of its event loop (longest ${watched.longestBusy.toFixed(1)} ms)`);
  return watched.answer;
}

t.test('a 50 MB JSON register is imported while /healthz and a small query keep answering', async (t) => {
  const { url, store } = await serve(t);
  const register = largeRegister('json', 50 * MB);
  const answer = await importWhilePolling(t, url, register.text);
  t.same(answer, { data: { importRegister: { ok: true, parties: register.parties, entrustments: register.entrustments, errors: [] } } });
  t.same(await store.counts(), { sources: 0, parties: register.parties, entrustments: register.entrustments, incidents: 0 });
  t.equal((await store.auditLog(5, null)).length, 1, 'one audit entry, written with the import');
});
