import t from 'tap';
import { readFile } from 'node:fs/promises';
import {
  renderTaxonomyModule,
  taxonomyCsvPath,
  taxonomyModulePath,
} from '../../scripts/taxonomy-module.js';
import {
  fideslangKeys,
  fideslangReplacements,
  fideslangVersionAdded,
} from '../../src/domain/taxonomy/fideslang.js';

t.test(
  'the committed taxonomy module is the one `npm run taxonomy` makes from the CSV',
  async (t) => {
    const csv = await readFile(taxonomyCsvPath, 'utf8');
    t.equal(
      await readFile(taxonomyModulePath, 'utf8'),
      await renderTaxonomyModule(csv),
      'stale: run npm run taxonomy',
    );
    // One key per CSV row but the header and the root data_category.
    t.equal(fideslangKeys.length, csv.trim().split('\n').length - 2);
    t.ok(
      fideslangReplacements.some(
        ([k, r]) => k === 'user.health_and_medical' && r === 'user.health',
      ),
    );
    t.equal(fideslangVersionAdded['user.health'], '3.2.0', 'the version each key came in');
  },
);

t.test('the module keeps the keys and replacements of a CSV, quoted fields included', async (t) => {
  const csv = [
    'fides_key,parent_key,replaced_by,description',
    'data_category,,,',
    'user,data_category,,"People, their data"',
    'user.old,user,user.new,"Said ""old"", once"',
    'user.new,user,,',
  ].join('\n');
  const text = await renderTaxonomyModule(csv);
  t.match(text, /fideslangKeys: readonly string\[\] = \['user', 'user\.old', 'user\.new'\];/);
  t.match(text, /= \[\s*\['user\.old', 'user\.new'\],?\s*\];/);
  t.notMatch(text, /data_category/);
});

t.test('a CSV without the key column is refused, naming the column', async (t) => {
  await t.rejects(renderTaxonomyModule('name,replaced_by\nx,\n'), /no "fides_key" column/);
});
