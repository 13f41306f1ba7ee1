// `npm run taxonomy`: writes src/domain/taxonomy/fideslang.ts from the fideslang CSV beside it.
import { readFile, writeFile } from 'node:fs/promises';
import { renderTaxonomyModule, taxonomyCsvPath, taxonomyModulePath } from './taxonomy-module.js';

const module = await renderTaxonomyModule(await readFile(taxonomyCsvPath, 'utf8'));
await writeFile(taxonomyModulePath, module);
console.log(`wrote ${taxonomyModulePath}`);
