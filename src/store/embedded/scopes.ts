import type { Tables } from './tables.js';

// Sync scopes: each name keeps the sorted list of entrustment ids its last import listed. Scopes
// are few (one per register a team keeps), so a removal rewrites the lists that name what it removes.

export function readScope(tables: Tables, name: string): string[] {
  const text = tables.scopes.get(name);
  return text === undefined ? [] : (JSON.parse(text) as string[]);
}

/** Inside the write's transaction. */
export function holdInScope(tables: Tables, name: string, ids: readonly string[]): void {
  tables.scopes.putSync(name, JSON.stringify([...new Set(ids)].sort()));
}

/** Inside the removal's transaction: a removed entrustment is no longer held by any scope. */
export function dropFromScopes(tables: Tables, removed: ReadonlySet<string>): void {
  if (removed.size === 0) return;
  for (const { key, value } of tables.scopes.getRange({})) {
    const ids = JSON.parse(value) as string[];
    const kept = ids.filter((id) => !removed.has(id));
    if (kept.length !== ids.length) tables.scopes.putSync(key, JSON.stringify(kept));
  }
}
