import type { Category } from '../../domain/model.js';
import type { Tables } from './tables.js';

// Declared data categories are few (a register declares a handful): one JSON value in the meta
// database, by id, rewritten inside the write's own transaction.

const KEY = 'categories';

export function readCategories(tables: Tables): Category[] {
  const text = tables.meta.get(KEY);
  return text === undefined ? [] : (JSON.parse(text) as Category[]);
}

/** Inside a write transaction: adds the batch's categories, replacing any with the same id. */
export function keepCategories(tables: Tables, categories: readonly Category[]): void {
  if (categories.length === 0) return;
  const byId = new Map(readCategories(tables).map((c) => [c.id, c]));
  for (const c of categories) byId.set(c.id, c);
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  tables.meta.putSync(KEY, JSON.stringify(sorted));
}
