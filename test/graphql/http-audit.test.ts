import { Writable } from 'node:stream';
import t from 'tap';
import { serverAudits } from 'graphql-http';
import { buildApp } from '../../src/app.js';
import { tempStore } from '../helpers/app.js';

// Everything the server logs at warn or above: a client's mistake must not appear here.
const logged: string[] = [];
const stream = new Writable({ write: (chunk, _enc, done) => (logged.push(String(chunk)), done()) });
const app = await buildApp({ store: await tempStore(t), logger: { level: 'warn', stream } });
t.teardown(() => app.close());
const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;

// A Buffer body, so fetch adds no content type of its own.
const post = (
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(url, { method: 'POST', headers, body: Buffer.from(body) });

t.test('graphql-http server audit: every MUST and every SHOULD holds', async (t) => {
  const results = [];
  for (const audit of serverAudits({ url }))
    results.push({ ...(await audit.fn()), audit: audit.name });
  t.ok(results.length >= 40, `${results.length} audits ran`);
  t.same(
    results.filter((r) => r.status !== 'ok').map((r) => `${r.status}: ${r.audit}: ${r.reason}`),
    [],
  );
});

t.test('extensions: null is accepted, as the spec requires', async (t) => {
  const res = await post(
    JSON.stringify({
      query: '{ stats { parties } }',
      variables: null,
      operationName: null,
      extensions: null,
    }),
  );
  t.equal(res.status, 200);
  t.same(await res.json(), { data: { stats: { parties: 0 } } });
});

t.test(
  'application/graphql-response+json: parse and validation failures are 400s without data',
  async (t) => {
    const headers = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    };
    for (const [query, code] of [
      ['{ stats { parties }', 'GRAPHQL_PARSE_FAILED'],
      ['{ stats { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
    ]) {
      const res = await post(JSON.stringify({ query }), headers);
      t.equal(res.status, 400, query);
      t.match(
        res.headers.get('content-type'),
        /^application\/graphql-response\+json; charset=utf-8/,
      );
      const body = await res.json();
      t.notOk('data' in body, `${query}: no data entry`);
      t.equal(body.errors[0].extensions.code, code);
    }
  },
);

t.test(
  'legacy application/json: a query that cannot run answers 200, but never with data',
  async (t) => {
    const res = await post(JSON.stringify({ query: '{ stats { nope } }' }));
    t.equal(res.status, 200);
    t.match(res.headers.get('content-type'), /^application\/json/);
    const body = await res.json();
    t.notOk('data' in body);
    t.match(body.errors[0].message, /Cannot query field "nope"/);
  },
);

t.test('client mistakes are 4xx BAD_USER_INPUT naming the field, and are not logged', async (t) => {
  const cases: [string, number, RegExp][] = [
    ['{}', 400, /^query: expected the GraphQL document as a string/],
    ['{"query": 42}', 400, /^query: expected the GraphQL document as a string/],
    ['{"query": "{ stats { parties } }", "variables": [1]}', 400, /^variables: expected an object/],
    [
      '{"query": "{ stats { parties } }", "extensions": "x"}',
      400,
      /^extensions: expected an object/,
    ],
    ['[1, 2]', 400, /batching is not supported/],
    ['{"query": ', 400, /the request is malformed/],
  ];
  for (const [body, status, message] of cases) {
    const res = await post(body);
    t.equal(res.status, status, body);
    const answer = await res.json();
    t.equal(answer.errors[0].extensions.code, 'BAD_USER_INPUT', body);
    t.match(answer.errors[0].message, message, body);
  }
  // An empty document is a parse failure: 200 in legacy JSON, as the spec asks, and no data.
  const empty = await post('{"query": ""}');
  t.equal(empty.status, 200, 'an empty query');
  const emptyAnswer = await empty.json();
  t.same([emptyAnswer.errors[0].extensions.code, 'data' in emptyAnswer], ['BAD_USER_INPUT', false]);
  t.match(emptyAnswer.errors[0].message, /^the query is empty/);
  const bare = await post('{"query": "{ stats { parties } }"}', {});
  t.equal(bare.status, 415, 'a POST without a content type');
  t.match((await bare.json()).errors[0].message, /Unsupported Media Type; send JSON/);
  const get = await fetch(
    `${url}?query=${encodeURIComponent('{ stats { parties } }')}&variables=not-json`,
  );
  t.equal(get.status, 400);
  t.match((await get.json()).errors[0].message, /^variables: expected an object/);
  t.same(logged, [], 'nothing logged as an error');
});

t.test('the Accept header picks the media type, q-values included', async (t) => {
  const { responseMediaType } = await import('../../src/graphql/http.js');
  t.equal(
    responseMediaType('application/json;q=0.5, application/graphql-response+json'),
    'application/graphql-response+json',
  );
  t.equal(
    responseMediaType('application/graphql-response+json;q=0.2, application/json'),
    'application/json',
  );
  t.equal(responseMediaType('application/graphql-response+json;q=0, */*'), 'application/json');
  t.equal(responseMediaType('text/html'), 'application/json');
  t.equal(responseMediaType(undefined), 'application/json');
});

t.test('the served schema describes the root types, and Date as the SDL does', async (t) => {
  const { buildSchema } = await import('graphql');
  const { loadSchemaText } = await import('../../src/graphql/schema.js');
  const sdl = buildSchema(loadSchemaText());
  const res = await post(
    JSON.stringify({
      query:
        '{ q: __type(name: "Query") { description } m: __type(name: "Mutation") { description } d: __type(name: "Date") { description } }',
    }),
  );
  const { data } = await res.json();
  t.match(data.q.description, /^Read-only questions/);
  t.match(data.m.description, /^Changes to the register/);
  t.equal(data.d.description, sdl.getType('Date')?.description);
});

t.test(
  'a body that is not UTF-8 is refused with its place, and nothing of it is imported',
  async (t) => {
    const before = Buffer.from(
      '{"query": "mutation($d: String!) { importRegister(document: $d) { ok } }", "variables": {"d": "register: 1\\nparties:\\n  - { id: utf8-probe, name: ',
    );
    const document = (name: Buffer) =>
      Buffer.concat([before, name, Buffer.from(', kind: company }\\n"}}')]);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: document(Buffer.from([0x41, 0xff, 0xfe])),
    });
    t.equal(res.status, 400);
    const answer = await res.json();
    t.equal(answer.errors[0].extensions.code, 'BAD_USER_INPUT');
    t.match(
      answer.errors[0].message,
      `the request body is not valid UTF-8 (line 1, byte ${before.length + 2})`,
      'the byte after the "A"',
    );
    const stats = await (
      await post(JSON.stringify({ query: '{ party(id: "utf8-probe") { id } }' }))
    ).json();
    t.same(stats.data, { party: null }, 'not imported with a replacement character');
    const fine = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: document(Buffer.from('三島', 'utf8')),
    });
    t.same(
      (await fine.json()).data,
      { importRegister: { ok: true } },
      'valid UTF-8, Japanese included, imports',
    );
    // A body large enough to be parsed in an import worker (IMPORT_WORKER_FROM_BYTES) is checked there alike.
    const padding = `#${'x'.repeat(300_000)}\\n`;
    const largeBefore = Buffer.from(
      `{"query": "mutation($d: String!) { importRegister(document: $d) { ok } }", "variables": {"d": "register: 1\\n${padding}parties:\\n  - { id: utf8-probe-large, name: `,
    );
    const large = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([
        largeBefore,
        Buffer.from([0x41, 0xff]),
        Buffer.from(', kind: company }\\n"}}'),
      ]),
    });
    t.equal(large.status, 400, 'a large body too');
    t.match(
      (await large.json()).errors[0].message,
      `the request body is not valid UTF-8 (line 1, byte ${largeBefore.length + 2})`,
    );
    t.same(logged, [], 'nothing logged as an error');
  },
);
