import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { defaultDashboards } from '../../src/dashboards/config.js';
import type { StorePort } from '../../src/store/port.js';
import { appOn, type App } from './app.js';
import { instrument } from './instrumented-store.js';

// What a poller gets from GET /graphql (ETag, 304, Cache-Control, compression) and automatic
// persisted queries, on every store. `writer` commits a write the way another process or instance
// would: through a store of its own on the same data.

const fixture = () =>
  readFile(new URL('../fixtures/overview/attention.yaml', import.meta.url), 'utf8');

const OVERVIEW = '{ overview(asOf: "2024-02-14") { incidentCount incidents { incident { id } } } }';
const get = (app: App, query: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/graphql', query: { query }, headers });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) =>
  JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });

export async function httpCacheSuite(
  t: Test,
  store: StorePort,
  writer: (incidentId: string) => Promise<void>,
): Promise<void> {
  t.test(
    'an ETag that holds until the next write, and 304 for a matching If-None-Match',
    async (t) => {
      const app = await appOn(t, store, await fixture());
      const first = await get(app, OVERVIEW);
      t.equal(first.statusCode, 200);
      const etag = first.headers.etag as string;
      t.match(etag, /^W\/"\d+-[\w-]{22}\.[\w-]{16}"$/);
      t.equal(first.headers['cache-control'], 'public, max-age=0, s-maxage=0, must-revalidate');
      t.match(first.headers.vary, /Authorization/);

      const again = await get(app, OVERVIEW, { 'if-none-match': etag });
      t.equal(again.statusCode, 304, 'the same question, nothing written: 304');
      t.equal(again.body, '', 'with no body');
      t.equal(again.headers.etag, etag);
      t.equal((await get(app, OVERVIEW, { 'if-none-match': `"x", ${etag}` })).statusCode, 304);

      const other = await get(app, '{ stats { parties } }', { 'if-none-match': etag });
      t.equal(other.statusCode, 200, 'another question has another tag');
      t.not(other.headers.etag, etag);
      const otherMedia = await get(app, OVERVIEW, {
        'if-none-match': etag,
        accept: 'application/graphql-response+json',
      });
      t.equal(otherMedia.statusCode, 200, 'another media type has another tag');

      const STATS = '{ stats { parties } }';
      const statsTag = (await get(app, STATS)).headers.etag as string;
      await writer('ov-written-elsewhere');
      t.teardown(() => store.remove({ incidents: ['ov-written-elsewhere'] }));
      const unchanged = await get(app, STATS, { 'if-none-match': statsTag });
      t.equal(unchanged.statusCode, 304, 'an answer the write left as it was: 304 all the same');
      t.equal(unchanged.body, '');
      t.not(unchanged.headers.etag, statsTag, 'under a tag of the new generation');
      t.equal(
        (await get(app, STATS, { 'if-none-match': unchanged.headers.etag as string })).statusCode,
        304,
      );
      const after = await get(app, OVERVIEW, { 'if-none-match': etag });
      t.equal(after.statusCode, 200, 'a write committed elsewhere changes the tag');
      t.not(after.headers.etag, etag);
      t.ok(
        after
          .json()
          .data.overview.incidents.some((i: any) => i.incident.id === 'ov-written-elsewhere'),
        'and the answer has the write',
      );
      t.equal(
        (await get(app, OVERVIEW, { 'if-none-match': after.headers.etag as string })).statusCode,
        304,
      );
    },
  );

  t.test('between two writes a question is executed once, whoever asks it', async (t) => {
    await appOn(t, store, await fixture());
    const { store: counted, calls, reset } = instrument(store);
    const app = await buildApp({
      store: new Proxy(counted, {
        get: (s, p) => (p === 'close' ? async () => {} : Reflect.get(s, p)),
      }),
    });
    t.teardown(() => app.close());
    // Every request reads the tag's generation and (the access check) the keys; the rest is the
    // question's own work.
    const work = () =>
      Object.keys(calls).filter((method) => method !== 'generation' && method !== 'apiKeys').length;
    const first = await get(app, OVERVIEW);
    t.ok(work() > 0, 'the first ask reads the store');
    reset();
    const second = await get(app, OVERVIEW);
    t.equal(second.statusCode, 200, 'a poller with no copy gets the whole answer');
    t.equal(second.body, first.body, 'the same answer');
    t.equal(second.headers.etag, first.headers.etag, 'under the same tag');
    t.equal(second.headers['content-type'], first.headers['content-type']);
    t.equal(work(), 0, 'kept from the first ask: the store is not read again', { calls });
    t.equal(calls.generation, 1, 'the request read the generation once');
    t.equal(calls.apiKeys, undefined, 'and the keys, read at this generation before, not again');
    const copy = await get(app, OVERVIEW, { 'if-none-match': first.headers.etag as string });
    t.equal(copy.statusCode, 304);
    const media = await get(app, OVERVIEW, { accept: 'application/graphql-response+json' });
    t.equal(media.headers['content-type'], 'application/graphql-response+json; charset=utf-8');
    t.ok(work() > 0, 'another media type is another question');

    await writer('ov-kept-until-written');
    t.teardown(() => store.remove({ incidents: ['ov-kept-until-written'] }));
    reset();
    const after = await get(app, OVERVIEW);
    t.ok(work() > 0, 'after a write the question is executed again');
    t.ok(after.body.includes('ov-kept-until-written'), 'and the answer has the write');
  });

  t.test('askers arriving while a question is executed wait for its answer', async (t) => {
    const app = await appOn(t, store, await fixture());
    let executions = 0;
    app.graphql.addHook('preExecution', async () => {
      executions++;
    });
    const QUESTION = '{ overview(asOf: "2024-02-15") { incidentCount } }';
    const asked = await Promise.all(Array.from({ length: 12 }, () => get(app, QUESTION)));
    t.equal(executions, 1, 'twelve askers at once: executed once');
    t.same(
      new Set(asked.map((a) => `${a.statusCode} ${a.headers.etag} ${a.body}`)).size,
      1,
      'every asker got the same answer under the same tag',
    );
    t.equal(asked[0]!.statusCode, 200);
    const ERRS = '{ blastRadius(incident: "ov-no-such") { truncated } }';
    const failed = await Promise.all(Array.from({ length: 3 }, () => get(app, ERRS)));
    t.same(
      failed.map((f) => f.json().errors?.[0]?.extensions?.code),
      ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
      'an answer with errors is not kept: each waiting asker gets it executed, not nothing',
    );
    t.equal(executions, 4);
  });

  t.test('answers with errors and POSTs carry no ETag', async (t) => {
    const app = await appOn(t, store, await fixture());
    const missing = await get(app, '{ blastRadius(incident: "ov-no-such") { truncated } }');
    t.equal(missing.json().errors[0].extensions.code, 'NOT_FOUND');
    t.equal(missing.headers.etag, undefined);
    const post = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: OVERVIEW },
    });
    t.equal(post.statusCode, 200);
    t.equal(post.headers.etag, undefined);
  });

  t.test('compression above the threshold, when the client asks for it', async (t) => {
    const app = await appOn(t, store, await fixture());
    const big = '{ __schema { types { name description } } }';
    const plain = await get(app, big);
    t.ok(plain.body.length > defaultDashboards().compressFromBytes, `${plain.body.length} bytes`);
    t.equal(plain.headers['content-encoding'], undefined, 'not asked: not compressed');
    const zipped = await get(app, big, { 'accept-encoding': 'gzip' });
    t.equal(zipped.headers['content-encoding'], 'gzip');
    t.same(JSON.parse(gunzipSync(zipped.rawPayload).toString()), plain.json());
    t.ok(zipped.rawPayload.length < plain.body.length / 2, 'in fewer bytes');
    t.equal(zipped.headers.etag, plain.headers.etag, 'the same tag: a weak one');
    const small = await get(app, '{ stats { parties } }', { 'accept-encoding': 'gzip' });
    t.equal(small.headers['content-encoding'], undefined, 'a small answer is sent as it is');
  });

  t.test("automatic persisted queries, Apollo's protocol", async (t) => {
    const app = await appOn(t, store, await fixture());
    const query = '{ incident(id: "ov-card-leak") { id records } }';
    const hash = sha256(query);
    const byHash = () =>
      app.inject({ method: 'GET', url: '/graphql', query: { extensions: persisted(hash) } });
    const unknown = await byHash();
    t.same(
      unknown.json().errors.map((e: any) => [e.message, e.extensions.code]),
      [['PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND']],
    );
    const registered = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, extensions: JSON.parse(persisted(hash)) },
    });
    t.same(registered.json().data, { incident: { id: 'ov-card-leak', records: 5800 } });
    const known = await byHash();
    t.equal(known.statusCode, 200);
    t.same(known.json().data, registered.json().data, 'the hash alone answers');
    t.match(known.headers.etag, /^W\//, 'and is cached like any GET');

    const wrong = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ stats { parties } }', extensions: JSON.parse(persisted(hash)) },
    });
    t.match(wrong.json().errors[0].message, /not the SHA-256 of the query/);
    const noVersion = await app.inject({
      method: 'GET',
      url: '/graphql',
      query: { extensions: JSON.stringify({ persistedQuery: { sha256Hash: hash } }) },
    });
    t.match(noVersion.json().errors[0].message, /PersistedQueryNotSupported/);
    const nothing = await app.inject({ method: 'GET', url: '/graphql', query: {} });
    t.equal(nothing.statusCode, 400);
    t.match(nothing.json().errors[0].message, /^query: expected the GraphQL document/);
  });

  t.test('the persisted queries are bounded: the least recently used go first', async (t) => {
    const app = await buildApp({
      store: new Proxy(store, {
        get: (s, p) => (p === 'close' ? async () => {} : Reflect.get(s, p)),
      }),
      dashboards: {
        ...defaultDashboards(),
        persistedQueries: { maxQueries: 2, maxBytes: 1 << 20 },
      },
    });
    t.teardown(() => app.close());
    const queries = ['{ stats { parties } }', '{ stats { sources } }', '{ stats { incidents } }'];
    for (const query of queries)
      await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query, extensions: JSON.parse(persisted(sha256(query))) },
      });
    const codes = [];
    for (const query of queries) {
      const res = await app.inject({
        method: 'GET',
        url: '/graphql',
        query: { extensions: persisted(sha256(query)) },
      });
      codes.push(res.json().errors?.[0]?.extensions?.code ?? 'ANSWERED');
    }
    t.same(codes, ['PERSISTED_QUERY_NOT_FOUND', 'ANSWERED', 'ANSWERED']);
  });
}
