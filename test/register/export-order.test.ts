import t from 'tap';
import { registerJson, registerYaml } from '../../src/register/export/documents.js';
import { layoutOf } from '../../src/register/sheets/layout.js';
import { importRegister } from '../../src/register/import.js';
import { storedRegister, type StoredRegister } from '../../src/register/stored-register.js';
import { demoRegister, tempStore } from '../helpers/app.js';

// A store gives a record's fields in an order of its own (Neo4j's properties come back in
// another order than the embedded store's): export writes them in the register's order, so the
// same register is the same text from either store.

/** The register with every record's fields in reverse order, as another store might give them. */
function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  ) as T;
}

t.test('export writes fields in the register’s order, whatever the store’s', async (t) => {
  const store = await tempStore(t, 'vc-export-order-');
  t.ok((await importRegister(store, await demoRegister())).ok);
  const stored: StoredRegister = await storedRegister(store);
  const other = reversed(stored);
  t.equal(registerYaml(other), registerYaml(stored), 'the same YAML');
  t.equal(registerJson(other), registerJson(stored), 'the same JSON');
  const doc = JSON.parse(registerJson(other)) as Record<string, Array<Record<string, unknown>>>;
  for (const section of ['sources', 'parties', 'entrustments', 'incidents'])
    t.ok(
      doc[section]!.every((r) => Object.keys(r)[0] === 'id'),
      `${section}: every record starts with its id`,
    );
  const columns = layoutOf('entrustments').columns.map((c) => c.field);
  t.ok(
    doc.entrustments!.every((r) => {
      const at = Object.keys(r).map((k) => columns.indexOf(k));
      return at.every((n, i) => n >= 0 && (i === 0 || n > at[i - 1]!));
    }),
    'entrustments: fields in the columns’ order (id, client, contractor, under, …)',
  );
});
