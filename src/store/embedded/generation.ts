import type { AuditDraft } from '../../register/audit.js';
import { WriteConflictError } from '../../errors.js';
import type { Tables } from './tables.js';

// Every write of the embedded store (records or keys) takes the next write generation and may
// leave an audit entry under it, both inside the write's own transaction.

const GENERATION = 'generation';

/** The store's write generation, 0 before the first write. */
export function generationOf(tables: Tables): number {
  return Number(tables.meta.get(GENERATION) ?? 0);
}

// Inside the write's own transaction: the new generation commits with the write, or neither does.
export function nextGeneration(tables: Tables, expected?: number): number {
  const current = generationOf(tables);
  if (expected !== undefined && current !== expected) throw new WriteConflictError();
  const next = current + 1;
  tables.meta.putSync(GENERATION, String(next));
  return next;
}

/** Inside the caller's transaction: the entry commits with the write, or neither does. */
export function appendAudit(
  tables: Tables,
  generation: number,
  audit: AuditDraft | undefined,
): void {
  if (audit) tables.audit.putSync(generation, JSON.stringify(audit));
}
