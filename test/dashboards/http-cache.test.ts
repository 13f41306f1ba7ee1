import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import {
  etagOf,
  sameAnswer,
  sameQuestionNow,
  withAnswer,
} from '../../src/dashboards/http-cache.js';
import { buildApp } from '../../src/app.js';
import { defaultDashboards, type DashboardConfig } from '../../src/dashboards/config.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import type { StorePort } from '../../src/store/port.js';
import { httpCacheSuite } from '../helpers/http-cache-suite.js';
import { instrument } from '../helpers/instrumented-store.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';

// On the embedded store the write comes from the CLI, a process of its own on the same directory.

const dir = await mkdtemp(join(tmpdir(), 'vc-http-cache-'));
const store = await openEmbeddedStore(dir);
t.teardown(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

await httpCacheSuite(t, store, async (incident) => {
  const file = join(dir, `${incident}.yaml`);
  await writeFile(
    file,
    `register: 1\nincidents:\n  - { id: ${incident}, party: ov-reseller, kind: insider, from: 2024-02-02, detected: 2024-02-03 }\n`,
  );
  const cli = await exitOf(spawnTs('src/cli/bin.ts', ['import', file], { DATA_DIR: dir }));
  if (cli.code !== 0) throw new Error(`the CLI import failed: ${cli.stderr}`);
});

t.test('the tag names the generation, and the asker', async (t) => {
  const request = (principal: unknown) =>
    ({ query: { query: '{ a }' }, headers: {}, principal }) as never;
  const reader = etagOf(7, request({ name: 'a', role: 'reader' }));
  t.match(reader, /^W\/"7-/);
  t.not(reader, etagOf(7, request({ name: 'b', role: 'reader' })), 'another key, another tag');
  t.not(reader, etagOf(8, request({ name: 'a', role: 'reader' })), 'another generation');
  const answered = withAnswer(reader, '{"data":{"a":1}}');
  t.match(answered, /^W\/"7-[\w-]{22}\.[\w-]{16}"$/, 'the answer is in the tag');
  t.equal(sameQuestionNow('*', reader), reader);
  t.equal(sameQuestionNow(answered, reader), answered, 'the same question now: 304 at once');
  t.equal(sameQuestionNow(`"x", ${answered.slice(2)}`, reader), answered, 'a strong copy too');
  t.equal(sameQuestionNow(undefined, reader), null);
  t.equal(sameQuestionNow('W/"7-other"', reader), null);
  t.equal(sameQuestionNow(answered, etagOf(8, request({ name: 'a', role: 'reader' }))), null);
  const later = withAnswer(etagOf(8, request({ name: 'a', role: 'reader' })), '{"data":{"a":1}}');
  t.ok(sameAnswer(answered, later), 'after a write, the same answer: 304 once it is known');
  const changed = withAnswer(etagOf(8, request({ name: 'a', role: 'reader' })), '{"data":{"a":2}}');
  t.notOk(sameAnswer(answered, changed), 'another answer: 200');
  const otherKey = withAnswer(
    etagOf(8, request({ name: 'b', role: 'reader' })),
    '{"data":{"a":1}}',
  );
  t.notOk(sameAnswer(answered, otherKey), 'the same body for another asker is not this answer');
});

/** An app on this file's store with some dashboard settings changed. */
async function appWith(t: Test, settings: Partial<DashboardConfig>, on: StorePort = store) {
  const app = await buildApp({
    store: new Proxy(on, {
      get: (s, p) => (p === 'close' ? async () => {} : Reflect.get(s, p)),
    }),
    dashboards: { ...defaultDashboards(), ...settings },
  });
  t.teardown(() => app.close());
  return (query: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/graphql', query: { query }, headers });
}

t.test('CACHE_MAX_AGE_S is how long a shared cache may keep an answer', async (t) => {
  const res = await (await appWith(t, { cacheMaxAgeS: 30 }))('{ stats { parties } }');
  t.equal(res.statusCode, 200);
  t.equal(res.headers['cache-control'], 'public, max-age=0, s-maxage=30, must-revalidate');
});

t.test('COMPRESS_FROM_BYTES is the threshold', async (t) => {
  const gzip = { 'accept-encoding': 'gzip' };
  const low = await appWith(t, { compressFromBytes: 10 });
  const small = await low('{ stats { parties } }', gzip);
  t.ok(small.rawPayload.length < 1024, 'an answer under the default threshold');
  t.equal(small.headers['content-encoding'], 'gzip', 'compressed from 10 bytes');
  const high = await appWith(t, { compressFromBytes: 10_000_000 });
  const big = await high('{ __schema { types { name description } } }', gzip);
  t.ok(big.body.length > 1024, `${big.body.length} bytes`);
  t.equal(big.headers['content-encoding'], undefined, 'not compressed under 10 MB');
});

t.test('ANSWER_CACHE_BYTES=0 keeps no answer: every ask is executed', async (t) => {
  const { store: counted, calls, reset } = instrument(store);
  const ask = await appWith(t, { answerCacheBytes: 0 }, counted);
  const QUERY = '{ stats { parties } }';
  t.equal((await ask(QUERY)).statusCode, 200);
  reset();
  t.equal((await ask(QUERY)).statusCode, 200);
  t.ok((calls.counts ?? 0) > 0, 'the second ask reads the store again', { calls });
});
