import { BadInputError, NotFoundError } from '../errors.js';
import type { StorePort } from '../store/port.js';
import type { Incident } from './model.js';

// The incidents a newcomer can pick from: every one (or one party's), newest first, in pages.
// Incidents are few next to entrustments, so the list is read whole and sorted here, the same
// way on every store.

export const MAX_INCIDENTS_PAGE = 500;
const SCAN_PAGE = 1_000;

export interface IncidentQuery {
  /** Only incidents at this party (and, for an operator, at the services it runs). */
  party?: string | null;
  first: number;
  /** The id of the last incident of the page before. */
  after?: string | null;
}

/**
 * When it happened, as well as the register knows: the window's start, else its detection, else
 * the window's end (many public notices give only the day a leak was stopped), else its announcement.
 */
const whenOf = (i: Incident): string => i.from ?? i.detected ?? i.to ?? i.announced ?? '';

/** Newest first; undated incidents last; ties by id, so pages are stable. */
export const newestFirst = (a: Incident, b: Incident): number =>
  whenOf(b).localeCompare(whenOf(a)) || a.id.localeCompare(b.id);

export async function listIncidents(store: StorePort, q: IncidentQuery): Promise<Incident[]> {
  if (!Number.isInteger(q.first) || q.first < 1 || q.first > MAX_INCIDENTS_PAGE)
    throw new BadInputError('first', `must be between 1 and ${MAX_INCIDENTS_PAGE}, got ${q.first}`);
  const all = (q.party ? await incidentsOf(store, q.party) : await everyIncident(store)).sort(
    newestFirst,
  );
  let start = 0;
  if (q.after != null) {
    const at = all.findIndex((i) => i.id === q.after);
    if (at < 0)
      throw new BadInputError(
        'after',
        `no incident "${q.after}" in this list: give the id of the last incident of the page before, or leave after out to start at the newest`,
      );
    start = at + 1;
  }
  return all.slice(start, start + q.first);
}

async function incidentsOf(store: StorePort, partyId: string): Promise<Incident[]> {
  const [party] = await store.parties([partyId]);
  if (!party) throw new NotFoundError('party', partyId);
  const services = await store.servicesOperatedBy([partyId]);
  return store.incidentsAt([partyId, ...services.map((s) => s.id)]);
}

async function everyIncident(store: StorePort): Promise<Incident[]> {
  const all: Incident[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.scanIncidents(after, SCAN_PAGE);
    all.push(...page);
    if (page.length < SCAN_PAGE) return all;
    after = page[page.length - 1]!.id;
  }
}
