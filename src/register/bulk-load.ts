import type { RegisterBatch } from '../domain/model.js';
import { revisionOf, type AuditDraft } from './audit.js';
import { auditDraft, importSummary } from './audit-summary.js';
import { readRegisters, type ImportReport, type RegisterInput } from './import.js';
import { SECTIONS } from './validate.js';

/** The action the load's audit entry names. */
export const BULK_LOAD_ACTION = 'bulk-load';

export interface BulkLoadCheck {
  report: ImportReport;
  /** With no error: the records to load, and the audit entry that says every one was added. */
  load?: { batch: RegisterBatch; audit: AuditDraft };
}

/**
 * A register for a first load into an empty store (neo4j-csv), checked as an import checks it, on
 * its own: the database it goes to is empty, so nothing is looked up and every record is added.
 */
export async function checkBulkLoad(
  inputs: readonly RegisterInput[],
  actor: string,
  now?: Date,
): Promise<BulkLoadCheck> {
  const { report, batch } = await readRegisters(null, inputs);
  if (batch === null) return { report };
  const added = SECTIONS.flatMap((section) =>
    (batch[section] as { id: string }[]).map((record) => `${section}/${record.id}`),
  );
  const lists = { added, changed: [], retired: [], removed: [] };
  const summary = importSummary(batch, lists, 0);
  const audit = auditDraft(actor, BULK_LOAD_ACTION, summary, now, revisionOf(lists));
  return { report, load: { batch, audit } };
}
