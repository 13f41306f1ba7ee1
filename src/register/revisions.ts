import type { RevisionDraft } from '../access/model.js';
import { BadInputError } from '../errors.js';
import type { StorePort } from '../store/port.js';

// The register's history: the audit entries of register writes (imports, syncs, removals), which
// carry what each changed. Key writes have no revision and are skipped.

export interface Revision extends RevisionDraft {
  id: string;
  at: string;
  actor: string;
}

const PAGE = 100;
export const MAX_REVISIONS = 500;

/** The newest `first` revisions, newest first. */
export async function revisions(store: StorePort, first: number): Promise<Revision[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_REVISIONS) throw new BadInputError('first', `must be between 1 and ${MAX_REVISIONS}, got ${first}`);
  const found: Revision[] = [];
  for (let after: string | null = null; found.length < first; ) {
    const page = await store.auditLog(PAGE, after);
    for (const entry of page) {
      if (entry.revision && found.length < first) found.push({ id: entry.id, at: entry.at, actor: entry.actor, ...entry.revision });
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return found;
}
