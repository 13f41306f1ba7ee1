import type { Resolvers } from '../resolver-types.js';
import { BadInputError } from '../../errors.js';
import { ID_PATTERN, PARTY_KINDS } from '../../domain/model.js';
import { searchParties } from '../../domain/search-parties.js';
import { checkPageSize, MAX_PAGE_SIZE } from '../../domain/page-size.js';
import { listCategories } from '../../domain/category-list.js';
import { listIncidents } from '../../domain/incident-list.js';

const MAX_PAGE = MAX_PAGE_SIZE;

export const queryResolvers: Resolvers = {
  Query: {
    party: async (_, { id }, { store }) => (await store.parties([id]))[0] ?? null,
    entrustment: async (_, { id }, { store }) => (await store.entrustments([id]))[0] ?? null,
    incident: async (_, { id }, { store }) => (await store.incidents([id]))[0] ?? null,
    parties: async (_, { kind, first, after }, { store }) => {
      checkPageSize(first, MAX_PAGE);
      if (after != null && !ID_PATTERN.test(after))
        throw new BadInputError('after', 'expected a party id');
      if (after != null && (await store.parties([after])).length === 0)
        throw new BadInputError(
          'after',
          `no party with id "${after}": give the id of the last party of the page before, or leave after out to start at the first`,
        );
      if (!kind) return store.scanParties(after ?? null, first);
      // A misspelt kind would match nothing and read as "there are none": it is refused instead.
      if (!(PARTY_KINDS as readonly string[]).includes(kind))
        throw new BadInputError(
          'kind',
          `unknown party kind "${kind}": expected one of ${PARTY_KINDS.join(', ')}`,
        );
      const page: Awaited<ReturnType<typeof store.scanParties>> = [];
      // Filtering by kind scans forward until the page is full: parties are few next to entrustments.
      for (let cursor = after ?? null; page.length < first;) {
        const batch = await store.scanParties(cursor, MAX_PAGE);
        page.push(...batch.filter((p) => p.kind === kind).slice(0, first - page.length));
        if (batch.length < MAX_PAGE) break;
        cursor = batch[batch.length - 1].id;
      }
      return page;
    },
    incidents: async (_, q, { store }) => listIncidents(store, q),
    stats: async (_, __, { store }) => store.counts(),
    categories: async (_, __, { store }) => listCategories(store),
    searchParties: async (_, { text, first }, { store }) => searchParties(store, text, first),
  },
};
