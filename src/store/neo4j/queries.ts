// Every file in cypher/ the adapter runs, with the parameters it passes to it. The loader refuses
// to start without one of these files, the store's types make each call pass exactly these
// parameters, and the lint test checks each file uses exactly these: the three cannot drift.

export const QUERIES = {
  schema: [],
  'source/get-many': ['ids'],
  'source/upsert': ['rows'],
  'source/remove': ['ids'],
  'source/referrers': ['ids'],
  'party/get-many': ['ids'],
  'party/upsert': ['rows'],
  'party/link': ['rows'],
  'party/delegate': ['ids'],
  'party/remove': ['ids'],
  'party/referrers': ['ids'],
  'party/with-parent': ['ids'],
  'party/operated-by': ['ids'],
  'party/family': ['ids'],
  'party/scan': ['afterId', 'limit'],
  'entrustment/get-many': ['ids'],
  'entrustment/upsert': ['rows'],
  'entrustment/link': ['rows'],
  'entrustment/infer': ['ids'],
  'entrustment/remove': ['ids'],
  'entrustment/referrers': ['ids'],
  'entrustment/into': ['ids', 'from', 'to'],
  'entrustment/from': ['ids', 'from', 'to'],
  'entrustment/under': ['ids'],
  'entrustment/upstream-round': ['parties', 'ids', 'from', 'to', 'readAhead'],
  'entrustment/downstream': ['ids', 'asOf'],
  'entrustment/scan': ['afterId', 'limit'],
  'entrustment/scan-links': ['afterId', 'limit', 'asOf'],
  'incident/get-many': ['ids'],
  'incident/upsert': ['rows'],
  'incident/link': ['rows'],
  'incident/remove': ['ids'],
  'incident/at': ['ids'],
  'incident/scan': ['afterId', 'limit'],
  'category/upsert': ['rows'],
  'category/all': [],
  'sync-scope/hold': ['name', 'ids'],
  'sync-scope/holdings': ['name'],
  'staged/stored': ['sources', 'parties', 'entrustments', 'incidents'],
  'staged/add': ['sources', 'parties', 'entrustments', 'incidents'],
  'staged/link': ['parties', 'entrustments', 'incidents'],
  'staged/delegate': ['ids'],
  'staged/publish': ['limit'],
  'staged/clear': ['limit'],
  'key/list': [],
  'key/add': ['name', 'props'],
  'key/revoke': ['name'],
  'audit/append': ['props'],
  'migrate/category-json': ['limit'],
  'migrate/category-props': ['rows'],
  'migrate/key-json': ['limit'],
  'migrate/key-props': ['rows'],
  'migrate/audit-json': ['limit'],
  'migrate/audit-props': ['rows'],
  'migrate/uninferred': ['afterId', 'limit'],
  'audit/list': ['before', 'limit'],
  'store/counts': [],
  'store/generation': [],
  'store/next-generation': [],
  'store/ping': [],
} as const satisfies Record<string, readonly string[]>;

export type QueryName = keyof typeof QUERIES;

/** The parameter object a query takes: exactly its declared names. */
export type QueryParams<Q extends QueryName> = { [K in (typeof QUERIES)[Q][number]]: unknown };

/** The queries that take nothing but `$ids`. */
export type IdsQuery = {
  [Q in QueryName]: (typeof QUERIES)[Q] extends readonly ['ids'] ? Q : never;
}[QueryName];

export const QUERY_NAMES = Object.keys(QUERIES) as QueryName[];
