import { z } from 'zod';
import { revisionOf } from './audit.js';
import { id } from '../domain/model.js';
import { BadInputError, WriteConflictError } from '../errors.js';
import type { RecordKind, Reference, RemoveIds, StorePort } from '../store/port.js';
import { auditDraft, removalSummary } from './audit-summary.js';
import { SECTIONS } from './validate.js';

// Deleting records, for mistakes (a party imported under a wrong id, a test record): atomic, and
// refused while anything still refers to what would go. What ended belongs to a sync, which keeps
// the history; this takes records out of it.

const WRITE_ATTEMPTS = 5;
const idList = z.array(id).max(10_000, { message: 'at most 10000 ids in one removal' });

export interface RemoveReport {
  /** True when the records were removed (or none of those named exist). */
  ok: boolean;
  /** `<section>/<id>` of what was removed. */
  removed: string[];
  /** Named ids that do not exist; nothing to remove there. */
  missing: string[];
  /** When refused: every record that still refers to one that would go. Nothing was written. */
  dependants: Reference[];
  revision?: string;
}

export interface RemoveOptions {
  actor?: string;
  action?: string;
  now?: Date;
}

const qualified = (kind: RecordKind, value: string) => `${kind}/${value}`;

/** Checks the ids (a bad one names its list and position), then removes what exists, or nothing. */
export async function removeRecords(
  store: StorePort,
  ids: RemoveIds,
  options: RemoveOptions = {},
): Promise<RemoveReport> {
  const asked = parseIds(ids);
  if (SECTIONS.every((kind) => asked[kind].length === 0))
    throw new BadInputError(
      'removeRecords',
      'name at least one entrustment, party, incident or source to remove',
    );
  for (let attempt = 1; ; attempt++) {
    const generation = await store.generation();
    const existing: Record<RecordKind, string[]> = {
      sources: [],
      parties: [],
      entrustments: [],
      incidents: [],
    };
    const missing: string[] = [];
    for (const kind of SECTIONS) {
      const found = new Set((await store[kind](asked[kind])).map((r) => r.id));
      for (const value of asked[kind]) {
        if (found.has(value)) existing[kind].push(value);
        else missing.push(qualified(kind, value));
      }
    }
    const removed = SECTIONS.flatMap((kind) =>
      existing[kind].map((value) => qualified(kind, value)),
    );
    if (removed.length === 0) return { ok: true, removed, missing, dependants: [] };
    const revision = revisionOf({ added: [], changed: [], retired: [], removed });
    const audit = auditDraft(
      options.actor ?? 'system',
      options.action ?? 'remove',
      removalSummary(removed),
      options.now ?? new Date(),
      revision,
    );
    try {
      const dependants = await store.remove(existing, audit, {
        expectedGeneration: generation,
        refuseReferenced: true,
      });
      if (dependants.length > 0) return { ok: false, removed: [], missing, dependants };
      return { ok: true, removed, missing, dependants, revision: String(generation + 1) };
    } catch (error) {
      if (!(error instanceof WriteConflictError) || attempt === WRITE_ATTEMPTS) throw error;
    }
  }
}

function parseIds(ids: RemoveIds): Record<RecordKind, string[]> {
  const out = {} as Record<RecordKind, string[]>;
  for (const kind of SECTIONS) {
    const parsed = idList.safeParse(ids[kind] ?? []);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BadInputError(
        `${kind}${issue.path.length ? `[${issue.path.join('.')}]` : ''}`,
        issue.message,
      );
    }
    out[kind] = [...new Set(parsed.data)];
  }
  return out;
}

/** One line per dependant, for people: `entrustments/b names entrustments/a in under`. */
export const describeReference = (r: Reference) =>
  `${qualified(r.from.kind, r.from.id)} names ${qualified(r.to.kind, r.to.id)} in ${r.field}`;
