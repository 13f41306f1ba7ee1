import t from 'tap';
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { generate } from '../../bench/generate.js';
import { buildApp } from '../../src/app.js';
import { selects } from '../../src/graphql/selection.js';
import { importRegister } from '../../src/register/import.js';
import { gql, tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

t.test('selects sees a field through aliases and fragments, and only where it is', async (t) => {
  const schema = buildSchema(`
    type Query { radius: Radius }
    type Radius { controllers: [Controller!]! count: Int }
    type Controller { id: ID paths: [Int!]! }
  `);
  const asked = async (source: string) => {
    let seen: boolean | undefined;
    const result = await graphql({
      schema,
      source,
      rootValue: {
        radius: (_: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
          seen = selects(info, ['controllers', 'paths']);
          return { controllers: [], count: 0 };
        },
      },
    });
    t.notOk(result.errors, source);
    return seen;
  };
  t.equal(await asked('{ radius { controllers { paths } } }'), true);
  t.equal(await asked('{ radius { controllers { id } count } }'), false);
  t.equal(await asked('{ radius { count } }'), false);
  t.equal(await asked('{ radius { c: controllers { p: paths } } }'), true, 'aliases');
  t.equal(
    await asked('{ radius { controllers { ... on Controller { paths } } } }'),
    true,
    'an inline fragment',
  );
  t.equal(
    await asked(
      '{ radius { ...R } } fragment R on Radius { controllers { ...C } } fragment C on Controller { paths }',
    ),
    true,
    'fragment spreads, nested',
  );
  t.equal(await asked('{ radius { ...R } } fragment R on Radius { controllers { id } }'), false);
  t.equal(
    await asked('query($a: Boolean = false) { radius { controllers { paths @include(if: $a) } } }'),
    true,
    'a condition is not judged: asked may mean shown',
  );
});

// The bench's register at 400 parties: a hub leak reaches about 120 controllers.
const synthetic = generate(400);
const HUB = synthetic.hubs[0]!;

t.test(
  'a blast radius resolves its relations in batches, and its paths in one search',
  async (t) => {
    const base = await tempStore(t);
    t.ok((await importRegister(base, synthetic.document)).ok);
    const { store, calls, reset } = instrument(base);
    const app = await buildApp({ store });
    t.teardown(() => app.close());

    reset();
    await gql(app, `{ blastRadius(party: "${HUB}") { controllers { pathCount } } }`);
    const leakOnly = calls.parties ?? 0;
    reset();
    const parties = await gql(
      app,
      `{ blastRadius(party: "${HUB}") { controllers { party { id } pathCount } } }`,
    );
    const controllers = parties.data.blastRadius.controllers as {
      party: { id: string };
      pathCount: number;
    }[];
    t.ok(controllers.length > 100, `${controllers.length} controllers`);
    t.ok(controllers.every((c) => /^p\d+$/.test(c.party.id) && c.pathCount > 0));
    t.equal(calls.parties, leakOnly + 1, 'every controller’s party in one store call');

    for (const [how, query] of [
      ['a field', `{ blastRadius(party: "${HUB}") { controllers { paths { hops { id } } } } }`],
      [
        'a fragment',
        `{ blastRadius(party: "${HUB}") { controllers { ...P } } } fragment P on AffectedController { paths { hops { id } } }`,
      ],
      [
        'an inline fragment',
        `{ blastRadius(party: "${HUB}") { controllers { ... on AffectedController { paths(first: 2) { hops { id } } } } } }`,
      ],
    ] as const) {
      reset();
      const answer = await gql(app, query);
      const shown = answer.data.blastRadius.controllers as { paths: unknown[] }[];
      t.equal(shown.length, controllers.length, how);
      t.ok(
        shown.every((c) => c.paths.length > 0),
        `${how}: every controller shows a path`,
      );
      // Paths searched lazily would read their hops once per controller.
      t.ok(calls.entrustments <= 3, `${how}: entrustments() called ${calls.entrustments} times`);
    }
  },
);

t.test("a supply chain reads its entrustments' records only when it shows them", async (t) => {
  const base = await tempStore(t);
  t.ok((await importRegister(base, synthetic.document)).ok);
  const { store, calls, reset } = instrument(base);
  const app = await buildApp({ store });
  t.teardown(() => app.close());
  type Member = { party: { id: string }; depth: number; link: string };
  const fields = 'party { id } depth link';
  let reached = 0;
  for (const controller of synthetic.controllers.slice(0, 12)) {
    reset();
    const light = await gql(
      app,
      `{ supplyChain(controller: "${controller}") { members { ${fields} } } }`,
    );
    t.notOk(light.errors, JSON.stringify(light.errors));
    t.notOk(calls.entrustments, `${controller}: no record read for members alone`);
    for (const shown of [
      'links { depth }',
      'entrustments { id }',
      'members { via { id } }',
      'members { countries }',
    ]) {
      reset();
      const full = await gql(
        app,
        `{ supplyChain(controller: "${controller}") { members { ${fields} } ${shown} } }`,
      );
      t.notOk(full.errors, JSON.stringify(full.errors));
      const members = (full.data.supplyChain.members as Member[]).map(({ party, depth, link }) => ({
        party,
        depth,
        link,
      }));
      t.same(
        light.data.supplyChain.members,
        members,
        `${controller} with ${shown}: the same members`,
      );
      if (members.length > 0)
        t.ok(calls.entrustments > 0, `${controller} with ${shown}: records read`);
    }
    reached += (light.data.supplyChain.members as Member[]).length;
  }
  t.ok(reached > 50, `the chains reached ${reached} members`);
});
