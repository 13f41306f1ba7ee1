import type { AuditDraft, RevisionDraft } from './audit.js';
import type { RegisterBatch } from '../domain/model.js';
import type { StorePort } from '../store/port.js';
import { SECTIONS } from './validate.js';

// What a register write says in the audit log: counts and ids, never a name, a date or any other
// content of the register. The summary caps its id lists so one line stays short on a 100k-record
// import; the revision it carries keeps every id (the history needs them all).

const IDS_PER_LIST = 20;

function listed(ids: string[]): string {
  const shown = ids.slice(0, IDS_PER_LIST).join(', ');
  return ids.length > IDS_PER_LIST ? `${shown} … and ${ids.length - IDS_PER_LIST} more` : shown;
}

const part = (verb: string, ids: string[]) =>
  `${verb} ${ids.length}${ids.length ? ` (${listed(ids)})` : ''}`;

export interface BatchChanges {
  added: string[];
  changed: string[];
  unchanged: number;
}

/** JSON with every object's keys sorted: stores may give fields back in another order (Neo4j does). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Added and changed `<section>/<id>`s, against what the store holds before the write. */
export async function batchChanges(store: StorePort, batch: RegisterBatch): Promise<BatchChanges> {
  const out: BatchChanges = { added: [], changed: [], unchanged: 0 };
  for (const section of SECTIONS) {
    const records = batch[section] as { id: string }[];
    const before = new Map(
      (await store[section](records.map((r) => r.id))).map((r) => [r.id, canonical(r)]),
    );
    for (const record of records) {
      const old = before.get(record.id);
      if (old === undefined) out.added.push(`${section}/${record.id}`);
      else if (old !== canonical(record)) out.changed.push(`${section}/${record.id}`);
      else out.unchanged += 1;
    }
  }
  return out;
}

/** An import's summary line; `revision.retired` are also counted in the batch's entrustments. */
export function importSummary(
  batch: RegisterBatch,
  revision: RevisionDraft,
  unchanged: number,
): string {
  const counts = SECTIONS.map(
    (s) => `${batch[s].length - (s === 'entrustments' ? revision.retired.length : 0)} ${s}`,
  ).join(', ');
  const scope = revision.scope === undefined ? '' : `sync ${revision.scope}: `;
  const retired = revision.scope === undefined ? '' : `; ${part('retired', revision.retired)}`;
  return `${scope}${counts}; ${part('added', revision.added)}; ${part('changed', revision.changed)}${retired}; unchanged ${unchanged}`;
}

export const removalSummary = (removed: string[]) => part('removed', removed);

export const auditDraft = (
  actor: string,
  action: string,
  summary: string,
  now = new Date(),
  revision?: RevisionDraft,
): AuditDraft => ({
  at: now.toISOString(),
  actor,
  action,
  summary,
  ...(revision ? { revision } : {}),
});
