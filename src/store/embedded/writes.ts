import type { AuditDraft } from '../../access/model.js';
import type { RegisterBatch } from '../../domain/model.js';
import type { RemoveIds } from '../port.js';
import { appendAudit } from './access.js';
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
export function writeBatch(tables: Tables, batch: RegisterBatch, onProgress?: (done: number, total: number) => void, audit?: AuditDraft): number {
  const total = TABLE_NAMES.reduce((n, name) => n + batch[name].length, 0);
  let done = 0;
  tables.root.transactionSync(() => {
    appendAudit(tables, nextGeneration(tables), audit);
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

/** Deletes records and the index entries they own, in one transaction; unknown ids are skipped. */
export function removeRecords(tables: Tables, ids: RemoveIds, audit?: AuditDraft): void {
  tables.root.transactionSync(() => {
    appendAudit(tables, nextGeneration(tables), audit);
    for (const name of TABLE_NAMES) {
      const table = tableOf(tables, name);
      for (const id of ids[name] ?? []) {
        const text = table.db.get(id);
        if (text === undefined) continue;
        for (const key of table.indexKeys(table.decode(text))) tables.index.removeSync(key);
        table.db.removeSync(id);
      }
    }
  });
}

// The old record is read inside the same transaction so its index entries go before the new
// ones are added: re-importing a batch changes nothing, and a moved contractor leaves no trace.
function replace(tables: Tables, table: Table<AnyRecord>, record: AnyRecord): void {
  const old = table.db.get(record.id);
  if (old !== undefined) for (const key of table.indexKeys(table.decode(old))) tables.index.removeSync(key);
  table.db.putSync(record.id, table.encode(record));
  for (const key of table.indexKeys(record)) tables.index.putSync(key, PRESENT);
}

const GENERATION = 'generation';

/** The store's write generation, 0 before the first write. */
export function generationOf(tables: Tables): number {
  return Number(tables.meta.get(GENERATION) ?? 0);
}

// Inside the write's own transaction: the new generation commits with the write, or neither does.
export function nextGeneration(tables: Tables): number {
  const next = generationOf(tables) + 1;
  tables.meta.putSync(GENERATION, String(next));
  return next;
}
