import { readFile } from 'node:fs/promises';
import t from 'tap';
import { DATE_SPECIFIED_BY } from '../../src/graphql/scalars.js';
import { appWith, gql } from '../helpers/app.js';

const fixture = await readFile(
  new URL('../fixtures/graphql/shop-chain.yaml', import.meta.url),
  'utf8',
);
const app = await appWith(t, fixture);

t.test('Date says which specification it follows, so generated clients type it', async (t) => {
  const { data } = await gql(app, '{ __type(name: "Date") { specifiedByURL } }');
  t.equal(data.__type.specifiedByURL, DATE_SPECIFIED_BY);
  t.match(DATE_SPECIFIED_BY, /rfc3339/);
});

t.test(
  'an impossible day is BAD_USER_INPUT naming the argument and the value, literal or variable',
  async (t) => {
    for (const day of ['2014-02-31', '2023-02-29']) {
      const literal = await gql(
        app,
        `{ supplyChain(controller: "town", asOf: "${day}") { asOf } }`,
      );
      t.equal(literal.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', day);
      // Named as a variable is named (Variable "$d"), and placed like every other error.
      t.equal(literal.errors?.[0]?.message, `asOf: expected a date like 2014-09-25, got "${day}"`);
      const refused = literal.errors?.[0] as {
        extensions?: { argument?: string };
        locations?: unknown;
      };
      t.same(
        [refused.extensions?.argument, refused.locations],
        ['asOf', [{ line: 1, column: 41 }]],
      );
      const variable = await gql(
        app,
        'query ($d: Date) { supplyChain(controller: "town", asOf: $d) { asOf } }',
        { d: day },
      );
      t.equal(variable.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', day);
    }
    const window = await gql(
      app,
      '{ blastRadius(party: "town", from: "2014-01-01", to: "2014-02-30") { truncated } }',
    );
    t.same(
      window.errors?.map((e: any) => [e.message, e.extensions?.code]),
      [['to: expected a date like 2014-09-25, got "2014-02-30"', 'BAD_USER_INPUT']],
      'the one refused, by name',
    );
    const leap = await gql(app, '{ supplyChain(controller: "town", asOf: "2024-02-29") { asOf } }');
    t.same([leap.errors, leap.data.supplyChain.asOf], [undefined, '2024-02-29']);
  },
);
