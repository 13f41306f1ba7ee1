import type { AuditDraft } from '../../register/audit.js';
import type { RegisterBatch } from '../../domain/model.js';
import type { Reference, RemoveIds, RemoveOptions, UpsertOptions } from '../port.js';
import { appendAudit, nextGeneration } from './generation.js';
import { referencesTo } from './references.js';
import { dropFromScopes, holdInScope } from './scopes.js';
import { TABLE_NAMES, type Table, type TableName, type Tables } from './tables.js';

const PRESENT = new Uint8Array(0);
const PROGRESS_EVERY = 10_000;

type AnyRecord = { id: string };

function tableOf(tables: Tables, name: TableName): Table<AnyRecord> {
  // Each table's indexKeys takes its own record type; the batch keys it by the same name.
  return tables[name] as unknown as Table<AnyRecord>;
}

/**
 * Writes the batch in one synchronous LMDB transaction: any throw inside (a record that cannot be
 * encoded, a full disk) aborts it and nothing is written. A synchronous transaction commits with
 * a flush to disk before it returns, even with lmdb's overlappingSync. Returns the rows written.
 */
export function writeBatch(
  tables: Tables,
  batch: RegisterBatch,
  onProgress?: (done: number, total: number) => void,
  audit?: AuditDraft,
  options: UpsertOptions = {},
): number {
  const total = TABLE_NAMES.reduce((n, name) => n + batch[name].length, 0);
  let done = 0;
  tables.root.transactionSync(() => {
    appendAudit(tables, nextGeneration(tables, options.expectedGeneration), audit);
    if (options.scope) holdInScope(tables, options.scope.name, options.scope.entrustments);
    for (const name of TABLE_NAMES) {
      const table = tableOf(tables, name);
      for (const record of batch[name]) {
        replace(tables, table, record);
        done += 1;
        if (onProgress && done % PROGRESS_EVERY === 0 && done < total) onProgress(done, total);
      }
    }
  });
  return total;
}

/**
 * Deletes records and the index entries they own, in one transaction; unknown ids are skipped.
 * LMDB has one writer at a time, so references looked up inside the transaction cannot change
 * before it commits: a refused removal throws out of it, and nothing (not even the generation)
 * is written.
 */
export function removeRecords(
  tables: Tables,
  ids: RemoveIds,
  audit?: AuditDraft,
  options: RemoveOptions = {},
): Reference[] {
  const refused = new RefusedRemoval();
  try {
    tables.root.transactionSync(() => {
      const generation = nextGeneration(tables, options.expectedGeneration);
      if (options.refuseReferenced) {
        refused.references = referencesTo(tables, ids);
        if (refused.references.length > 0) throw refused;
      }
      appendAudit(tables, generation, audit);
      deleteRecords(tables, ids);
    });
  } catch (error) {
    if (error === refused) return refused.references;
    throw error;
  }
  return [];
}

class RefusedRemoval extends Error {
  references: Reference[] = [];
}

function deleteRecords(tables: Tables, ids: RemoveIds): void {
  dropFromScopes(tables, new Set(ids.entrustments ?? []));
  for (const name of TABLE_NAMES) {
    const table = tableOf(tables, name);
    for (const id of ids[name] ?? []) {
      const text = table.db.get(id);
      if (text === undefined) continue;
      for (const key of table.indexKeys(table.decode(text))) tables.index.removeSync(key);
      table.db.removeSync(id);
    }
  }
}

// The old record is read inside the same transaction so its index entries go before the new
// ones are added: re-importing a batch changes nothing, and a moved contractor leaves no trace.
function replace(tables: Tables, table: Table<AnyRecord>, record: AnyRecord): void {
  const old = table.db.get(record.id);
  if (old !== undefined)
    for (const key of table.indexKeys(table.decode(old))) tables.index.removeSync(key);
  table.db.putSync(record.id, table.encode(record));
  for (const key of table.indexKeys(record)) tables.index.putSync(key, PRESENT);
}
