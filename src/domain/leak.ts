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
    return {
      party: incident.party,
      window: { from: incident.from, to: incident.to },
      data: incident.data.length > 0 ? incident.data : null,
      records: incident.records,
      incident: incident.id,
    };
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
  const [party] = await store.parties([q.party]);
  if (!party) throw new NotFoundError('party', q.party);
  return {
    party: party.id,
    window: { from: q.from, to: q.to },
    data: q.data ? await normalizeCategories(store, 'data', q.data) : null,
  };
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
