import t, { type Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { defaultSecurity } from '../../src/security-config.js';
import { demoRegister, tempStore } from '../helpers/app.js';

// Bodies from IMPORT_WORKER_FROM_BYTES up are parsed in a worker, which keeps a register for
// importRegister: the answers are those of a body parsed here, and what it keeps is this
// request's alone.

const IMPORT =
  'mutation($document: String!, $dryRun: Boolean) { importRegister(document: $document, dryRun: $dryRun) { ok parties errors { path message } } }';

async function appWithThreshold(t: Test, fromBytes: number) {
  const store = await tempStore(t);
  const app = await buildApp({
    store,
    security: { ...defaultSecurity(), importWorkerFromBytes: fromBytes },
  });
  t.teardown(() => app.close());
  return { app, store };
}

const post = (app: Awaited<ReturnType<typeof buildApp>>, payload: string) =>
  app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload,
  });

t.test(
  'a register in a body parsed by a worker is imported there: the same answer as a small body',
  async (t) => {
    const text = await demoRegister();
    const body = JSON.stringify({ query: IMPORT, variables: { document: text } });
    const { app: small } = await appWithThreshold(t, body.length + 1);
    const { app: large, store } = await appWithThreshold(t, 1024);
    const [a, b] = [await post(small, body), await post(large, body)];
    t.equal(b.statusCode, 200);
    t.same(b.json(), a.json());
    t.ok(b.json().data.importRegister.ok);
    t.ok((await store.counts()).parties > 10);
  },
);

t.test(
  'a large body with no import is answered whole; a token sent as a document is only text',
  async (t) => {
    const { app, store } = await appWithThreshold(t, 1024);
    const { app: here } = await appWithThreshold(t, 1024 * 1024);
    // Its large variable comes back as it was: the same answer as a body parsed here.
    const search = JSON.stringify({
      query: 'query($text: String!) { searchParties(text: $text) { id } }',
      variables: { text: `takeo ${'x'.repeat(70_000)}` },
    });
    const [a, b] = [await post(here, search), await post(app, search)];
    t.equal(b.statusCode, a.statusCode);
    t.same(b.json(), a.json());
    // A token-like string sent as the document is just text: not a register, whatever workers hold.
    const forged = await post(
      app,
      JSON.stringify({
        query: IMPORT,
        variables: { document: 'vendor-chain:held:00000000-0000-0000-0000-000000000000' },
      }),
    );
    t.equal(forged.json().data.importRegister.ok, false);
    t.same(await store.counts(), { sources: 0, parties: 0, entrustments: 0, incidents: 0 });
  },
);

t.test(
  'a large body that is not JSON, or has a __proto__ key, is refused as Fastify refuses a small one',
  async (t) => {
    const { app } = await appWithThreshold(t, 1024);
    const { app: here } = await appWithThreshold(t, 1024 * 1024);
    const broken = `{"query": "mutation { x }", "variables": {"document": "${'a'.repeat(4000)}"`;
    const [a, b] = [await post(here, broken), await post(app, broken)];
    t.equal(b.statusCode, 400);
    t.same(b.json(), a.json());
    t.equal(b.json().errors[0].extensions.code, 'BAD_USER_INPUT');
    const proto = `{"query": "{ stats { parties } }", "variables": {"x": "${'a'.repeat(4000)}", "__proto__": {"polluted": true}}}`;
    const [c, d] = [await post(here, proto), await post(app, proto)];
    t.equal(d.statusCode, c.statusCode);
    t.same(d.json(), c.json());
  },
);
