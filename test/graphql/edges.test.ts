import t, { type Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { importRegister } from '../../src/register/import.js';
import { gql, tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

const realStore = (t: Test) => tempStore(t, 'vc-edges-');

// 40 contractors of one client: resolving each entrustment's contractor must be one batched call.
const wide = ['register: 1', 'parties:', '  - { id: hub-client, name: Client, kind: company }']
  .concat(Array.from({ length: 40 }, (_, i) => `  - { id: c${i}, name: C${i}, kind: company }`))
  .concat(
    ['entrustments:'],
    Array.from(
      { length: 40 },
      (_, i) => `  - { id: e${i}, client: hub-client, contractor: c${i}, under: [] }`,
    ),
  )
  .join('\n');

t.test('relations are loaded in batches, not once per entrustment', async (t) => {
  const base = await realStore(t);
  t.equal((await importRegister(base, wide)).ok, true);
  const { store, calls, reset } = instrument(base);
  const app = await buildApp({ store });
  t.teardown(() => app.close());
  reset();
  const { data } = await gql(
    app,
    '{ party(id: "hub-client") { entrustmentsOut { contractor { name } client { name } } } }',
  );
  t.equal(data.party.entrustmentsOut.length, 40);
  const names = data.party.entrustmentsOut
    .map((e: { contractor: { name: string } }) => e.contractor.name)
    .sort();
  t.same(
    names,
    Array.from({ length: 40 }, (_, i) => `C${i}`).sort(),
    'each entrustment gets its own contractor',
  );
  t.ok(calls.parties <= 3, `parties() called ${calls.parties} times for 80 relations`);
});

t.test(
  'an unexpected store failure is reported without internals; an unavailable store says so',
  async (t) => {
    const base = await realStore(t);
    const secret = new Error('ENOENT /var/secret/path at Object.<anonymous> (store.ts:12:3)');
    const { store } = instrument(base, {
      incidents: secret,
      parties: new StoreUnavailableError('connection refused'),
    });
    const app = await buildApp({ store });
    t.teardown(() => app.close());
    const internal = await gql(app, '{ incident(id: "x") { id } }');
    t.equal(internal.status, 200);
    t.equal(internal.errors?.[0].extensions?.code, 'VC_INTERNAL');
    t.notMatch(JSON.stringify(internal.errors), /secret|store\.ts/);
    const unavailable = await gql(app, '{ party(id: "x") { id } }');
    t.ok(unavailable.status < 500);
    t.equal(unavailable.errors?.[0].extensions?.code, 'VC_STORE_UNAVAILABLE');
    t.match(
      unavailable.errors?.[0].message,
      /the store is unavailable \(connection refused\); try again shortly/,
    );
  },
);

t.test('healthz answers 503 "store unavailable" and logs the reason, not the client', async (t) => {
  const base = await realStore(t);
  const reason = 'Neo4j at neo4j://db.internal:7687: connection refused';
  const { store } = instrument(base, { ping: new StoreUnavailableError(reason) });
  const lines: string[] = [];
  const app = await buildApp({
    store,
    logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } },
  });
  t.teardown(() => app.close());
  const res = await app.inject('/healthz');
  t.equal(res.statusCode, 503);
  t.same(res.json(), { status: 'store unavailable', store: 'embedded' });
  t.notMatch(res.body, /db\.internal|refused/, 'the reason is not sent');
  const logged = lines
    .map((l) => JSON.parse(l))
    .find((l) => l.msg === 'healthz: store unavailable');
  t.match(logged?.reason, /db\.internal:7687: connection refused/, 'the reason is logged');
});

t.test(
  "a request body that is not JSON is the client's error, with a hint, not an internal one",
  async (t) => {
    const store = await realStore(t);
    const app = await buildApp({ store });
    t.teardown(() => app.close());
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: '{"query": ',
    });
    t.equal(res.statusCode, 400);
    const body = res.json();
    t.equal(body.errors[0].extensions.code, 'BAD_USER_INPUT');
    t.match(body.errors[0].message, /the request is malformed: .*JSON/);
  },
);

// 30 clients of one hub: a leak there names each client as a controller.
const star = ['register: 1', 'parties:', '  - { id: hub, name: Hub, kind: service }']
  .concat(Array.from({ length: 30 }, (_, i) => `  - { id: k${i}, name: K${i}, kind: company }`))
  .concat(
    ['entrustments:'],
    Array.from(
      { length: 30 },
      (_, i) =>
        `  - { id: s${i}, client: k${i}, contractor: hub, data: [user.contact.email], under: [] }`,
    ),
  )
  .join('\n');

t.test("a blast radius's controllers come with their parties, read in one call", async (t) => {
  const base = await realStore(t);
  const imported = await importRegister(base, star);
  t.same(imported.ok ? [] : imported.errors, []);
  const { store, calls, reset } = instrument(base);
  const app = await buildApp({ store });
  t.teardown(() => app.close());
  // Through an alias and a fragment: the blast radius reads the parties only when the query
  // shows them (selection.ts), and must see them there too.
  // One read for the 30 controllers' (the walk read entrustments to the leaking party, which
  // shows the register holds it); asked again in the same generation, they are remembered.
  for (const [query, reads] of [
    ['{ blastRadius(party: "hub") { controllers { party { id name } } } }', 1],
    [
      '{ blastRadius(party: "hub") { controllers { ...C } } } fragment C on AffectedController { who: party { id name } }',
      0,
    ],
  ] as const) {
    reset();
    const { data, errors } = await gql(app, query);
    t.equal(errors, undefined);
    const controllers = data.blastRadius.controllers as Record<
      string,
      { id: string; name: string }
    >[];
    t.equal(controllers.length, 30);
    for (const c of controllers) {
      const party = c.party ?? c.who!;
      t.equal(party.name, `K${party.id.slice(1)}`, `${party.id} is named as its own party`);
    }
    t.equal(calls.parties ?? 0, reads, `${reads} read(s) of parties`);
  }
});

t.test(
  'an unknown leaking party is reported before the data asked of it, and nothing is answered',
  async (t) => {
    const store = await realStore(t);
    t.equal((await importRegister(store, wide)).ok, true);
    const app = await buildApp({ store });
    t.teardown(() => app.close());
    const ask = (party: string, data: string) =>
      gql(
        app,
        `{ blastRadius(party: "${party}", data: ["${data}"]) { controllers { party { id } } } }`,
      );
    const both = await ask('nobody', 'user.contactt');
    t.equal(both.data, null);
    t.equal(both.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'the party first');
    t.match(both.errors?.[0]?.message, 'nobody');
    const typo = await ask('c1', 'user.contactt');
    t.equal(typo.data, null);
    t.match(typo.errors?.[0]?.message, /unknown data category "user\.contactt"/, 'then the data');
    const asked = await ask('c1', 'user.contact');
    t.notOk(asked.errors, JSON.stringify(asked.errors));
    t.same(asked.data.blastRadius.controllers, [{ party: { id: 'hub-client' } }]);
    // Nobody entrusts to these two: the walk reads nothing, and the party itself decides.
    const unknown = await gql(
      app,
      '{ blastRadius(party: "nobody") { controllers { party { id } } } }',
    );
    t.equal(unknown.data, null);
    t.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'a party the register lacks');
    const controller = await gql(
      app,
      '{ blastRadius(party: "hub-client") { controllers { party { id } } notExposedCount } }',
    );
    t.notOk(controller.errors, JSON.stringify(controller.errors));
    t.same(
      controller.data.blastRadius,
      { controllers: [], notExposedCount: 0 },
      'a party the register holds, to which nobody entrusts: an answer, empty, and no error',
    );
  },
);
