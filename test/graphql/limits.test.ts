import { getIntrospectionQuery } from 'graphql';
import { Readable } from 'node:stream';
import t from 'tap';
import { newKey } from '../../src/access/key-hash.js';
import { buildApp } from '../../src/app.js';
import { auditDraft } from '../../src/register/audit-summary.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import { demoRegister, tempStore, type App } from '../helpers/app.js';

// No single request can exhaust the service: each limit refuses with its name and value, and
// what users need (introspection for GraphiQL's docs panel, the demo queries) still works.

const store = await tempStore(t, 'vc-limits-');
const demo = await importRegister(store, await demoRegister());
const shared = new Proxy(store, {
  get: (target, prop) => (prop === 'close' ? async () => {} : Reflect.get(target, prop)),
});
const app = await buildApp({ store: shared });
t.teardown(() => app.close());
t.ok(demo.ok);

async function post(target: App, query: string, headers: Record<string, string> = {}) {
  const res = await target.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
  const body = res.json();
  return {
    status: res.statusCode,
    data: body.data,
    errors: body.errors as { message: string; extensions: Record<string, unknown> }[] | undefined,
  };
}
const first = (r: { errors?: { message: string }[] }) => r.errors?.[0]?.message;

t.test('the standard introspection query (GraphiQL docs panel) is answered', async (t) => {
  const res = await post(
    app,
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    }),
  );
  t.equal(res.errors, undefined);
  t.ok(res.data.__schema.types.some((type: { name: string }) => type.name === 'AuditEntry'));
});

t.test(
  'depth, aliases, directives and tokens are refused naming the limit and its value',
  async (t) => {
    let deep = 'id';
    for (let i = 0; i < 6; i++) deep = `entrustmentsOut { contractor { ${deep} } }`;
    t.match(
      first(await post(app, `{ party(id: "mishima-city") { ${deep} } }`)),
      /^Query depth limit of 10 exceeded, found 14\.$/,
    );
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: stats { parties }`).join(' ');
    t.match(first(await post(app, `{ ${aliases} }`)), /^Aliases limit of 15 exceeded, found 16\.$/);
    const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    t.match(
      first(await post(app, `{ stats ${directives} { parties } }`)),
      /^Directives limit of 20 exceeded, found 21\.$/,
    );
    const tokens = await post(app, `{ stats { ${'parties '.repeat(6000)} } }`);
    t.same(
      [tokens.status < 500, first(tokens), tokens.errors?.[0]?.extensions.code],
      [
        true,
        'the query has more than 5000 tokens: the limit (maxTokens) is 5000',
        'BAD_USER_INPUT',
      ],
    );
  },
);

t.test(
  'a query that is JSON (a ready-made syntax tree) is refused, not taken past the token limit',
  async (t) => {
    const ast = JSON.stringify({
      kind: 'Document',
      definitions: [
        {
          kind: 'OperationDefinition',
          operation: 'query',
          selectionSet: {
            kind: 'SelectionSet',
            selections: [{ kind: 'Field', name: { kind: 'Name', value: 'stats' } }],
          },
        },
      ],
    });
    for (const query of ['4', ast, '"text"']) {
      const res = await post(app, query);
      t.same(
        [res.status < 500, first(res), res.errors?.[0]?.extensions.code],
        [true, 'the query must be GraphQL text, like { stats { parties } }', 'BAD_USER_INPUT'],
        query.slice(0, 20),
      );
    }
  },
);

t.test('scans of every party (search, a kind filter) are priced as scans', async (t) => {
  const searches = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `s${i}: searchParties(text: "city", first: 1) { id }`).join(' ')} }`;
  t.equal((await post(app, searches(9))).errors, undefined, '9 searches pass');
  t.match(first(await post(app, searches(10))), /^the query costs 10\d\d: the limit \(maxCost\)/);
  const kinds = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `k${i}: parties(kind: "company", first: 1) { id }`).join(' ')} }`;
  t.equal((await post(app, kinds(9))).errors, undefined, '9 kind filters pass');
  t.match(first(await post(app, kinds(10))), /the limit \(maxCost\) is 1000/);
  const pages = `{ ${Array.from({ length: 15 }, (_, i) => `p${i}: parties(first: 1) { id }`).join(' ')} }`;
  t.equal((await post(app, pages)).errors, undefined, 'pages in id order are no scan');
});

t.test('cost knows which fields are expensive', async (t) => {
  const radius = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `b${i}: blastRadius(party: "mishima-city") { truncated }`).join(' ')} }`;
  t.equal((await post(app, radius(9))).errors, undefined, '9 blast radii pass');
  t.match(
    first(await post(app, radius(11))),
    /^the query costs 11\d\d: the limit \(maxCost\) is 1000/,
  );
  t.match(
    first(
      await post(
        app,
        '{ a: redelegationFindings { rule } b: redelegationFindings { rule } c: redelegationFindings { rule } d: redelegationFindings { rule } }',
      ),
    ),
    /the limit \(maxCost\) is 1000/,
    'findings over the whole register',
  );
  t.equal(
    (
      await post(
        app,
        '{ a: redelegationFindings(controller: "mishima-city") { rule } b: redelegationFindings(controller: "mishima-city") { rule } }',
      )
    ).errors,
    undefined,
    "one controller's findings are cheap",
  );
  t.match(
    first(
      await post(
        app,
        '{ a: parties(first: 500) { id } b: parties(first: 500) { id } c: parties(first: 500) { id } }',
      ),
    ),
    /maxCost/,
  );
});

t.test(
  'Host allow-list, helmet headers on every route, CORS closed unless configured',
  async (t) => {
    const rebinding = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { host: 'attacker.example:4000' },
      payload: { query: '{ stats { parties } }' },
    });
    t.same(
      [rebinding.statusCode, rebinding.json().errors[0].message],
      [421, 'the Host "attacker.example" is not one this service answers to (ALLOWED_HOSTS)'],
    );
    for (const host of ['localhost:4000', '127.0.0.1:4000', '[::1]:4000'])
      t.equal((await app.inject({ url: '/healthz', headers: { host } })).statusCode, 200, host);
    for (const url of ['/healthz', '/graphiql']) {
      const res = await app.inject({ url, headers: { origin: 'https://elsewhere.example' } });
      t.equal(res.headers['x-content-type-options'], 'nosniff', url);
      t.ok(
        res.headers['strict-transport-security'] && res.headers['x-frame-options'],
        `${url}: helmet`,
      );
      t.equal(res.headers['access-control-allow-origin'], undefined, `${url}: no CORS`);
    }
    const withCors = await buildApp({
      store: shared,
      security: { ...defaultSecurity(), corsOrigins: ['https://dash.city.example'] },
    });
    t.teardown(() => withCors.close());
    const preflight = await withCors.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: 'https://dash.city.example', 'access-control-request-method': 'POST' },
    });
    t.equal(preflight.headers['access-control-allow-origin'], 'https://dash.city.example');
  },
);

t.test(
  'bodies: readers small, editors large; a body that lies about its length is cut off too',
  async (t) => {
    const keyed = await tempStore(t, 'vc-limits-keys-');
    const keys: Record<string, string> = {};
    for (const role of ['reader', 'editor'] as const) {
      const { plain, record } = await newKey(role, role);
      await keyed.addApiKey(record, auditDraft('test', 'keys create', role));
      keys[role] = plain;
    }
    const limited = await buildApp({
      store: keyed,
      security: { ...defaultSecurity(), queryBodyLimit: 4096, registerBodyLimit: 65536 },
    });
    t.teardown(() => limited.close());
    const big = JSON.stringify({
      query: 'mutation($d: String!) { importRegister(document: $d) { ok } }',
      variables: { d: `register: 1\n# ${'x'.repeat(10_000)}\n` },
    });
    const send = (key: string, payload: string | Readable) =>
      limited.inject({
        method: 'POST',
        url: '/graphql',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        payload,
      });
    const reader = await send(keys.reader!, big);
    t.same(
      [reader.statusCode, reader.json().errors[0].message],
      [
        413,
        'the request body is larger than 4096 bytes, the limit for readers (QUERY_BODY_LIMIT_BYTES)',
      ],
    );
    const editor = await send(keys.editor!, big);
    t.same([editor.statusCode, editor.json().data.importRegister.ok], [200, true]);
    const streamed = await send(keys.reader!, Readable.from([Buffer.from(big)]));
    t.equal(streamed.statusCode, 413, 'no Content-Length: counted as it arrives');
    t.match(streamed.json().errors[0].message, /larger than 4096 bytes/);
    const huge = await send(
      keys.editor!,
      JSON.stringify({ query: '{ stats { parties } }', pad: 'x'.repeat(70_000) }),
    );
    t.equal(huge.statusCode, 413, 'editors have a limit too');
  },
);

t.test('rate limit per address, with the limit in the refusal; /healthz is exempt', async (t) => {
  const slow = await buildApp({
    store: shared,
    security: { ...defaultSecurity(), rateLimitPerMinute: 3 },
  });
  t.teardown(() => slow.close());
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await post(slow, '{ stats { parties } }')).status);
  t.same(statuses, [200, 200, 200, 429]);
  const refused = await post(slow, '{ stats { parties } }');
  t.match(first(refused), /^too many requests: the limit \(RATE_LIMIT_PER_MINUTE\) is 3 a minute/);
  t.equal(refused.errors?.[0]?.extensions.code, 'RATE_LIMITED');
  for (let i = 0; i < 5; i++) t.equal((await slow.inject('/healthz')).statusCode, 200);
});
