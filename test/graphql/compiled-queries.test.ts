import t from 'tap';
import { appWith, demoRegister } from '../helpers/app.js';

// A query's second ask runs compiled (Mercurius' `jit`, graphql-jit): it must answer exactly as
// graphql-js did on the first, errors and status codes included.
const app = await appWith(t, await demoRegister());

const ask = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return { status: res.statusCode, body: res.json() };
};

const ASKED: [string, string, Record<string, unknown>?][] = [
  [
    'a leak with its evidence, aliases and a fragment',
    `query($id: ID!) { blastRadius(incident: $id) {
      from to truncated unawareCount
      exposed: controllers { ...C paths(first: 2) { exposure links hops { id client { id } contractor { id } } } }
      notExposed { reason entrustment { id } }
    } }
    fragment C on AffectedController { party { id name kind } exposure aware data records pathCount }`,
    { id: 'makeshop-2014' },
  ],
  [
    'the exposed set alone, window open at both ends',
    'query($p: ID!) { blastRadius(party: $p) { controllers { party { id } exposure aware pathCount } } }',
    { p: 'makeshop' },
  ],
  [
    'a mistyped data category',
    'query($p: ID!, $d: [String!]) { blastRadius(party: $p, data: $d) { truncated } }',
    { p: 'makeshop', d: ['user.bogus'] },
  ],
  [
    'an impossible date in a variable',
    'query($p: ID!, $f: Date) { blastRadius(party: $p, from: $f) { truncated } }',
    { p: 'makeshop', f: '2014-02-30' },
  ],
  ['an unknown incident', '{ blastRadius(incident: "nope") { truncated } }'],
  [
    'a variable of the wrong type',
    'query($p: ID!) { blastRadius(party: $p) { truncated } }',
    { p: { id: 'makeshop' } },
  ],
];

for (const [what, query, variables] of ASKED) {
  t.test(`${what}: the compiled ask answers as the first did`, async (t) => {
    const first = await ask(query, variables);
    t.ok(first.body.data !== undefined || first.body.errors !== undefined, 'an answer');
    for (let again = 2; again <= 3; again++)
      t.same(await ask(query, variables), first, `ask ${again}`);
  });
}

t.test('the compiled ask still shows what the first did and only that', async (t) => {
  const query =
    'query($p: ID!) { blastRadius(party: $p) { controllers { party { id } pathCount } } }';
  const first = await ask(query, { p: 'makeshop' });
  t.ok(first.body.data.blastRadius.controllers.length > 0, 'the leak exposes someone');
  const compiled = await ask(query, { p: 'makeshop' });
  t.same(compiled, first);
  t.notOk('paths' in compiled.body.data.blastRadius.controllers[0], 'no field it did not ask for');
});
