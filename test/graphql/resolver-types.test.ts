import { readFile } from 'node:fs/promises';
import t from 'tap';
import { renderResolverTypes, resolverTypesPath } from '../../scripts/resolver-types-module.js';

t.test(
  'the committed resolver types are those the schema gives (npm run resolver-types)',
  async (t) => {
    const committed = await readFile(resolverTypesPath, 'utf8');
    t.equal(committed, await renderResolverTypes(), 'stale: run npm run resolver-types');
    // Each query of the schema has its resolver type, with its arguments.
    const schema = await readFile(new URL('../../schema/risk.graphql', import.meta.url), 'utf8');
    t.match(schema, /concentration\(/);
    t.match(committed, /export type QueryConcentrationArgs = \{/);
  },
);
