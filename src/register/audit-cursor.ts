import type { AuditEntry } from './audit.js';
import { BadInputError } from '../errors.js';
import type { StorePort } from '../store/port.js';

// A page cursor into the audit log (auditLog, revisions) must name an entry that exists: a cursor
// that names nothing would answer an empty page, which reads as "nothing older".

const SEQUENCE = /^[1-9][0-9]{0,15}$/;

/** The entry with this id, found as the newest entry older than the next id: no port method more. */
async function entryWithId(store: StorePort, id: string): Promise<AuditEntry | undefined> {
  const [entry] = await store.auditLog(1, String(Number(id) + 1));
  return entry?.id === id ? entry : undefined;
}

/** Refuses an `after` that is not an audit entry's id (or, for revisions, a revision's). */
export async function checkAuditCursor(
  store: StorePort,
  after: string,
  of: 'audit entry' | 'revision',
): Promise<void> {
  const entry = SEQUENCE.test(after) ? await entryWithId(store, after) : undefined;
  if (!entry || (of === 'revision' && !entry.revision))
    throw new BadInputError(
      'after',
      `no ${of} with id "${after}": give the id of the last ${of} of the page before, or leave after out to start at the newest`,
    );
}
