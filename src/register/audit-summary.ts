import type { AuditDraft } from '../access/model.js';
import type { RegisterBatch } from '../domain/model.js';
import type { StorePort } from '../store/port.js';
import { SECTIONS } from './validate.js';

// What an import says in the audit log: counts and ids, never a name, a date or any other content
// of the register. Ids are capped per list so one entry stays short on a 100k-record import.

const IDS_PER_LIST = 20;

function listed(ids: string[]): string {
  const shown = ids.slice(0, IDS_PER_LIST).join(', ');
  return ids.length > IDS_PER_LIST ? `${shown} … and ${ids.length - IDS_PER_LIST} more` : shown;
}

/** Added and changed ids per section, against what the store holds before the write. */
export async function importSummary(store: StorePort, batch: RegisterBatch): Promise<string> {
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const section of SECTIONS) {
    const records = batch[section] as { id: string }[];
    const before = new Map((await store[section](records.map((r) => r.id))).map((r) => [r.id, JSON.stringify(r)]));
    for (const record of records) {
      const old = before.get(record.id);
      if (old === undefined) added.push(`${section}/${record.id}`);
      else if (old !== JSON.stringify(record)) changed.push(`${section}/${record.id}`);
      else unchanged += 1;
    }
  }
  const counts = SECTIONS.map((s) => `${batch[s].length} ${s}`).join(', ');
  return `${counts}; added ${added.length}${added.length ? ` (${listed(added)})` : ''}; changed ${changed.length}${changed.length ? ` (${listed(changed)})` : ''}; unchanged ${unchanged}`;
}

export const auditDraft = (actor: string, action: string, summary: string, now = new Date()): AuditDraft => ({ at: now.toISOString(), actor, action, summary });
