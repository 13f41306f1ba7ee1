// The audit log's entries and the revisions they carry: what each write says about itself, kept by
// every store in the write's own transaction. Beside the register, whose writes make most of them.

/**
 * What a register write changed, kept in its audit entry (one record per write, in the write's
 * transaction): the revision history is the audit log's register writes. Ids are `<section>/<id>`
 * (`entrustments/city--vendor`), since a party and a source may share an id.
 */
export interface RevisionDraft {
  /** The sync scope the write was authoritative for, when it was. */
  scope?: string;
  added: string[];
  changed: string[];
  retired: string[];
  removed: string[];
  /** How many of each there were, when a list was cut at REVISION_IDS_MAX (a bulk import). */
  counts?: RevisionCounts;
}

export interface RevisionCounts {
  added: number;
  changed: number;
  retired: number;
  removed: number;
}

/**
 * Ids kept per list of one revision. A first import of a million entrustments would otherwise
 * write one audit entry of tens of megabytes, read back whole by every page of the log; past this
 * the revision keeps the first ids and the counts.
 */
export const REVISION_IDS_MAX = 10_000;

/** A revision from full lists: each cut at REVISION_IDS_MAX, with the counts when one was. */
export function revisionOf(lists: Omit<RevisionDraft, 'counts'>): RevisionDraft {
  const kinds = ['added', 'changed', 'retired', 'removed'] as const;
  if (kinds.every((k) => lists[k].length <= REVISION_IDS_MAX)) return lists;
  const counts = Object.fromEntries(
    kinds.map((k) => [k, lists[k].length]),
  ) as unknown as RevisionCounts;
  return {
    ...lists,
    ...Object.fromEntries(kinds.map((k) => [k, lists[k].slice(0, REVISION_IDS_MAX)])),
    counts,
  };
}

/** What a write says about itself; the store gives it an id in the write's own transaction. */
export interface AuditDraft {
  at: string;
  actor: string;
  action: string;
  summary: string;
  /** Present on register writes (imports, removals); absent on key writes. */
  revision?: RevisionDraft;
}

export interface AuditEntry extends AuditDraft {
  /** Increasing with every write; newest first when read. */
  id: string;
}
