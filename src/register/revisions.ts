import type { RevisionCounts, RevisionDraft } from './audit.js';
import { BadInputError } from '../errors.js';
import type { StorePort } from '../store/port.js';
import { checkAuditCursor } from './audit-cursor.js';

// The register's history: the audit entries of register writes (imports, syncs, removals), which
// carry what each changed. Key writes have no revision and are skipped.

export interface Revision extends Omit<RevisionDraft, 'counts'> {
  id: string;
  at: string;
  actor: string;
  /** How many ids each list had: more than it shows when it was cut (REVISION_IDS_MAX). */
  counts: RevisionCounts;
}

const PAGE = 100;
export const MAX_REVISIONS = 500;

/** The newest `first` revisions, newest first; older than the revision `since` when given. */
export async function revisions(
  store: StorePort,
  first: number,
  since: string | null = null,
): Promise<Revision[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_REVISIONS)
    throw new BadInputError('first', `must be between 1 and ${MAX_REVISIONS}, got ${first}`);
  if (since !== null) await checkAuditCursor(store, since, 'revision');
  const found: Revision[] = [];
  for (let after: string | null = since; found.length < first;) {
    const page = await store.auditLog(PAGE, after);
    for (const entry of page) {
      if (entry.revision && found.length < first)
        found.push(revision(entry.id, entry.at, entry.actor, entry.revision));
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return found;
}

function revision(id: string, at: string, actor: string, r: RevisionDraft): Revision {
  const { counts, ...lists } = r;
  return {
    id,
    at,
    actor,
    ...lists,
    counts: counts ?? {
      added: r.added.length,
      changed: r.changed.length,
      retired: r.retired.length,
      removed: r.removed.length,
    },
  };
}
