// The graph the adapter writes, in the shape @neo4j-cypher/language-support lints against.
//
//   (:Source|Party|Incident {id, json, …keys})
//   (:Entrustment {id, json, links, client, contractor, from, to})-[:UNDER]->(:EntrustmentRef {id})
//   (:StoreMeta {id: 'store', generation})   the write generation, one node
//   (:ApiKey {name, json})                    an API key's record: hashes, never the key
//   (:AuditEntry {seq, json})                 one per write, seq = the write's generation
//
// `json` holds the whole record as written; `links` its link line (src/store/link-line.ts), what
// whole-graph scans read; the other properties are the keys the port looks records up by. `under` is a list, and Neo4j cannot index list elements, so each named id is a
// ref node with a unique id that the entrustment links to.

export const LABELS = ['Source', 'Party', 'Entrustment', 'Incident', 'EntrustmentRef', 'StoreMeta', 'ApiKey', 'AuditEntry'] as const;
export const RELATIONSHIP_TYPES = ['UNDER'] as const;
export const PROPERTY_KEYS = ['id', 'json', 'links', 'kind', 'parent', 'operator', 'client', 'contractor', 'from', 'to', 'party', 'generation', 'name', 'fresh', 'seq'] as const;

export type PropertyKey = (typeof PROPERTY_KEYS)[number];

export const DB_SCHEMA = {
  labels: [...LABELS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  propertyKeys: [...PROPERTY_KEYS],
  graphSchema: [{ from: 'Entrustment', to: 'EntrustmentRef', relType: 'UNDER' }],
};
