import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { PersistedQueryProvider } from 'mercurius';

// Automatic persisted queries, Apollo's protocol (extensions.persistedQuery.sha256Hash): a client
// sends the hash alone; an unknown hash is PERSISTED_QUERY_NOT_FOUND; the client then sends the
// hash with the query, which registers it once the hash is checked; from then on the hash alone
// answers. Mercurius runs the protocol; this provider keeps the queries in a cache bounded by
// count and by bytes (the least recently used go first), and answers in Apollo's error shape.

interface Request {
  query?: string;
  extensions?: { persistedQuery?: { version?: number; sha256Hash?: string } };
}

export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

const sha256 = (query: string) => createHash('sha256').update(query, 'utf8').digest('hex');

export function persistedQueries(limits: {
  maxQueries: number;
  maxBytes: number;
}): PersistedQueryProvider {
  const cache = new LRUCache<string, string>({
    max: limits.maxQueries,
    maxSize: limits.maxBytes,
    sizeCalculation: (query) => Math.max(1, Buffer.byteLength(query)),
  });
  return {
    isPersistedQuery: (r: Request) => !r.query && Boolean(r.extensions?.persistedQuery),
    isPersistedQueryRetry: (r: Request) => Boolean(r.query && r.extensions?.persistedQuery),
    // Version 1 is the only one there is; a hash of another shape can name no query.
    getHash: (r: Request) => {
      const p = r.extensions?.persistedQuery;
      return p?.version === 1 && typeof p.sha256Hash === 'string' ? p.sha256Hash : false;
    },
    getQueryFromHash: async (hash: string) => {
      const query = cache.get(hash);
      // Apollo clients look for this message and code, then send the query with its hash.
      if (query === undefined)
        throw new GraphQLError('PersistedQueryNotFound', {
          extensions: { code: PERSISTED_QUERY_NOT_FOUND },
        });
      return query;
    },
    getHashForQuery: sha256,
    saveQuery: async (hash: string, query: string) => {
      cache.set(hash, query);
    },
    notFoundError: 'PersistedQueryNotFound',
    notSupportedError:
      'PersistedQueryNotSupported: extensions.persistedQuery needs version 1 and a sha256Hash',
    mismatchError: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query',
  } as unknown as PersistedQueryProvider;
}
