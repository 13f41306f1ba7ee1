import { taxonomyWith, unknownCategoryMessage, type CategorySet } from './categories.js';
import type { Period } from './dates.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { StorePort } from '../store/port.js';

/** What leaked: at which party, over which window, which data (null: any). */
export interface Leak {
  party: string;
  window: Period;
  data: CategorySet;
  records?: number;
  incident?: string;
}

export interface LeakQuery {
  incident?: string | null;
  party?: string | null;
  from?: string | null;
  to?: string | null;
  data?: readonly string[] | null;
}

/** Turn the blast-radius arguments into a Leak, with errors a person can act on. */
export async function resolveLeak(store: StorePort, q: LeakQuery): Promise<Leak> {
  const { leak, known } = await leakAsked(store, q);
  await known();
  return leak;
}

/**
 * The leak asked about, and `known`, the check that its party is one of the register's, read
 * when first called. A walk up from the party need not wait for it (a party nobody entrusts to
 * reads nothing), and a walk that read an entrustment to the party has shown it is the
 * register's: on Neo4j, a leaf's leak then reads no party of its own (a read beside the walk's
 * first round slowed that round). An asker whose walk read none calls `known` before it answers:
 * an unknown party is an error, never an empty answer.
 */
export async function leakAsked(
  store: StorePort,
  q: LeakQuery,
): Promise<{ leak: Leak; known: () => Promise<void> }> {
  if (q.incident && q.party)
    throw new BadInputError(
      'incident',
      'give either an incident or a party with a window, not both',
    );
  if (q.incident) {
    if (q.from || q.to || q.data)
      throw new BadInputError(
        'incident',
        'from, to and data come from the incident; leave them out or ask by party',
      );
    const [incident] = await store.incidents([q.incident]);
    if (!incident) throw new NotFoundError('incident', q.incident);
    const leak = {
      party: incident.party,
      window: { from: incident.from, to: incident.to },
      data: incident.data.length > 0 ? incident.data : null,
      records: incident.records,
      incident: incident.id,
    };
    return { leak, known: () => Promise.resolve() };
  }
  if (!q.party)
    throw new BadInputError('incident', 'give an incident id, or a party with a window (from, to)');
  if (q.from && q.to && q.to <= q.from)
    throw new BadInputError('to', `must be after from (${q.from})`);
  // An empty list is no question about a leak of nothing, nor one of any data said by mistake.
  if (q.data && q.data.length === 0)
    throw new BadInputError(
      'data',
      'is empty: name the categories that leaked, or leave data out for a leak of any data',
    );
  const partyId = q.party;
  let checked: Promise<void> | undefined;
  const known = () =>
    (checked ??= store.parties([partyId]).then(([party]) => {
      if (!party) throw new NotFoundError('party', partyId);
    }));
  let data: CategorySet = null;
  try {
    if (q.data) data = await normalizeCategories(store, 'data', q.data);
  } catch (error) {
    // An unknown party is reported before the data asked of it, as when it was checked first.
    await known();
    throw error;
  }
  return { leak: { party: partyId, window: { from: q.from, to: q.to }, data }, known };
}

/**
 * Validate category arguments against the taxonomy and the categories registers declared in this
 * store; deprecated keys become their replacement. A typo is an error with the nearest keys, never
 * a question about data nobody holds (which would answer "nobody is exposed").
 */
export async function normalizeCategories(
  store: StorePort,
  argument: string,
  keys: readonly string[],
): Promise<string[]> {
  const taxonomy = taxonomyWith((await store.categories()).map((c) => c.id));
  return keys.map((key) => {
    const c = taxonomy.classify(key);
    if (c.status === 'deprecated') return c.replacedBy;
    if (c.status === 'unknown')
      throw new BadInputError(argument, unknownCategoryMessage(key, taxonomy));
    return key;
  });
}
