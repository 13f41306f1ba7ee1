// `npm run resolver-types`: writes src/graphql/resolver-types.ts from schema/*.graphql.
import { writeFile } from 'node:fs/promises';
import { renderResolverTypes, resolverTypesPath } from './resolver-types-module.js';

await writeFile(resolverTypesPath, await renderResolverTypes());
console.log(`wrote ${resolverTypesPath}`);
