import { readFile } from 'node:fs/promises';
import t, { type Test } from 'tap';
import { appWith } from '../helpers/app.js';

// GraphQL over HTTP to the letter: the status, the code and one shape for every error answer.

const fixture = await readFile(
  new URL('../fixtures/graphql/shop-chain.yaml', import.meta.url),
  'utf8',
);
const app = await appWith(t, fixture);
const MUTATION = 'mutation { importRegister(document: "register: 1", dryRun: true) { ok } }';

/** Every error answer: { errors: [{ message, extensions: { code } }] } and nothing else at the top. */
function sameShape(t: Test, body: any, code: string) {
  t.same(
    Object.keys(body).filter((k) => k !== 'errors' && k !== 'data'),
    [],
    'only errors (and data)',
  );
  t.ok(body.errors.length > 0);
  for (const e of body.errors) {
    t.type(e.message, 'string');
    t.ok(e.message.length > 10, e.message);
  }
  t.equal(body.errors[0].extensions.code, code);
}

t.test('a mutation by GET is 405 with Allow: POST, whatever the client accepts', async (t) => {
  for (const accept of ['application/json', 'application/graphql-response+json']) {
    const r = await app.inject({
      method: 'GET',
      url: '/graphql',
      query: { query: MUTATION },
      headers: { accept },
    });
    t.equal(r.statusCode, 405, accept);
    t.equal(r.headers.allow, 'POST');
    sameShape(t, r.json(), 'METHOD_NOT_ALLOWED');
    t.match(r.json().errors[0].message, /mutation must be sent by POST/);
  }
  const post = await app.inject({ method: 'POST', url: '/graphql', payload: { query: MUTATION } });
  t.same([post.statusCode, post.json().data.importRegister.ok], [200, true], 'by POST it runs');
});

t.test('methods GraphQL over HTTP does not define are 405 naming GET and POST', async (t) => {
  for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
    const r = await app.inject({
      method,
      url: '/graphql',
      payload: { query: '{ stats { parties } }' },
    });
    t.equal(r.statusCode, 405, method);
    t.equal(r.headers.allow, 'GET, POST');
    sameShape(t, r.json(), 'METHOD_NOT_ALLOWED');
  }
});

t.test(
  'a syntax error is GRAPHQL_PARSE_FAILED, a schema mismatch GRAPHQL_VALIDATION_FAILED',
  async (t) => {
    for (const [query, code] of [
      ['{ parties( ', 'GRAPHQL_PARSE_FAILED'],
      ['query { stats { parties }', 'GRAPHQL_PARSE_FAILED'],
      ['{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
      ['{ stats { parties(first: 1) } }', 'GRAPHQL_VALIDATION_FAILED'],
    ] as const) {
      const json = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
      t.equal(json.statusCode, 200, `${query}: 200 in legacy application/json`);
      sameShape(t, json.json(), code);
      const modern = await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query },
        headers: { accept: 'application/graphql-response+json' },
      });
      t.equal(modern.statusCode, 400, `${query}: 400 in application/graphql-response+json`);
      sameShape(t, modern.json(), code);
    }
  },
);

t.test('a batch (a JSON array body) is refused, saying batching is not supported', async (t) => {
  const r = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: [{ query: '{ stats { parties } }' }, { query: '{ stats { entrustments } }' }],
  });
  t.equal(r.statusCode, 400);
  sameShape(t, r.json(), 'BAD_USER_INPUT');
  t.match(r.json().errors[0].message, /batching is not supported/);
});

t.test('a body that is not JSON says so, in the same shape', async (t) => {
  const r = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'text/plain' },
    payload: '{ stats { parties } }',
  });
  t.equal(r.statusCode, 400);
  sameShape(t, r.json(), 'BAD_USER_INPUT');
  t.match(r.json().errors[0].message, /the body is not JSON: send content-type application\/json/);
});

t.test('a subscription over HTTP is refused, pointing to the WebSocket', async (t) => {
  const query = 'subscription { registerChanged { revision } }';
  for (const [r, code] of [
    [await app.inject({ method: 'POST', url: '/graphql', payload: { query } }), 'BAD_USER_INPUT'],
    [
      await app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(query)}` }),
      'METHOD_NOT_ALLOWED',
    ],
  ] as const) {
    // By POST it ran once and answered null for a non-null field: an internal error, logged as a
    // fault; by GET it was told that a mutation must be sent by POST.
    sameShape(t, r.json(), code);
    t.match(r.json().errors[0].message, /over WebSocket at \/graphql \(the graphql-ws protocol\)/);
    t.notOk(r.json().data, 'nothing ran');
  }
  const post = (payload: object) => app.inject({ method: 'POST', url: '/graphql', payload });
  const named =
    'query Count { stats { parties } } subscription Changes { registerChanged { revision } }';
  const selected = await post({ query: named, operationName: 'Changes' });
  t.match(selected.json().errors[0].message, /over WebSocket/, 'the subscription it selects');
  const other = await post({ query: named, operationName: 'Count' });
  t.equal(typeof other.json().data.stats.parties, 'number', 'a query beside it still answers');
  // GraphiQL runs an edited tab once under its old name: GraphQL's own error tells it so.
  const stale = await post({ query, operationName: 'Earlier' });
  t.match(stale.json().errors[0].message, /Unknown operation named "Earlier"/);
});
