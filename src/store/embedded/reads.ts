import { rangeOf, type Relation } from './keys.js';
import type { Table, Tables } from './tables.js';

// Reads are synchronous: LMDB serves them from the memory map, and every get made in one call
// sees the same snapshot, so an index entry and the record it points to always agree.

/** The records with these ids that exist, each once. */
export function readMany<T extends { id: string }>(table: Table<T>, ids: Iterable<string>): T[] {
  const found: T[] = [];
  for (const id of new Set(ids)) {
    const text = table.db.get(id);
    if (text !== undefined) found.push(table.decode(text));
  }
  return found;
}

/** The records of `table` that the index relates to any of `targets`, each once. */
export function readRelated<T extends { id: string }>(
  tables: Tables,
  relation: Relation,
  targets: readonly string[],
  table: Table<T>,
): T[] {
  const ids = new Set<string>();
  for (const target of new Set(targets)) {
    for (const [, keyTarget, id] of tables.index.getKeys(rangeOf(relation, target))) {
      if (keyTarget === target) ids.add(id);
    }
  }
  return readMany(table, ids);
}

/** A page of records in id order, strictly after `afterId`. */
export function scanPage<T extends { id: string }>(
  table: Table<T>,
  afterId: string | null,
  limit: number,
): T[] {
  if (!(limit > 0)) return [];
  const range = afterId === null ? { limit } : { start: afterId, exclusiveStart: true, limit };
  return Array.from(table.db.getRange(range), (entry) => table.decode(entry.value));
}

/** Entries in a table's database; LMDB keeps the count in the tree's header. */
export function countOf<T extends { id: string }>(table: Table<T>): number {
  const stats = table.db.getStats() as { entryCount?: number };
  return stats.entryCount ?? 0;
}
