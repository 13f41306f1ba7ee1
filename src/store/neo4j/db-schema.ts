// The graph the adapter writes (cypher/README.md draws it), in the shape
// @neo4j-cypher/language-support lints the cypher/ files against.
//
//   (:Party)-[:ENTRUSTS]->(:Entrustment)-[:TO]->(:Party)        client → entrustment → contractor
//   (:Entrustment)-[:UNDER]->(:Entrustment)                      the upstream entrustment it performs
//   (:Entrustment)-[:APPROVED_BY]->(:Party)
//   (:Party)-[:SUBSIDIARY_OF]->(:Party), (:Party)-[:OPERATED_BY]->(:Party),
//   (:Party)-[:MEMBER_OF {role}]->(:Party), (:Incident)-[:AT]->(:Party)
//   (:Party|Entrustment|Incident)-[:CITES]->(:Source)
//   (:StoreMeta {id: 'store', generation})                       the write generation, one node
//   (:SyncScope {name})-[:HOLDS]->(:Entrustment)                  what a sync scope's last import listed
//   (:Category {id, json})                                        a data category a register declared

export const LABELS = [
  'Source',
  'Party',
  'Entrustment',
  'Incident',
  'StoreMeta',
  'ApiKey',
  'AuditEntry',
  'SyncScope',
  'Category',
  // What a large import stages until its last transaction publishes it (cypher/README.md).
  'Pending',
  'PendingSource',
  'PendingParty',
  'PendingEntrustment',
  'PendingIncident',
] as const;
export const RELATIONSHIP_TYPES = [
  'ENTRUSTS',
  'TO',
  'UNDER',
  'APPROVED_BY',
  'SUBSIDIARY_OF',
  'OPERATED_BY',
  'MEMBER_OF',
  'AT',
  'CITES',
  'HOLDS',
] as const;
export const PROPERTY_KEYS = [
  'id',
  'json',
  'name',
  'aka',
  'kind',
  'country',
  'parent',
  'operator',
  'confidence',
  'note',
  'role',
  'generation',
  'contactEmail',
  'contactPhone',
  'contactUrl',
  'client',
  'contractor',
  'under',
  'ownData',
  'purposes',
  'data',
  'subjects',
  'records',
  'from',
  'to',
  'reentrustment',
  'disclosed',
  'approvedBy',
  'storage',
  'access',
  'transferBasis',
  'sources',
  'party',
  'detected',
  'announced',
  'url',
  'title',
  'published',
  'seq',
  'retired',
  'certification',
] as const;

export type PropertyKey = (typeof PROPERTY_KEYS)[number];

export const DB_SCHEMA = {
  labels: [...LABELS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  propertyKeys: [...PROPERTY_KEYS],
  graphSchema: [
    { from: 'Party', to: 'Entrustment', relType: 'ENTRUSTS' },
    { from: 'Entrustment', to: 'Party', relType: 'TO' },
    { from: 'Entrustment', to: 'Entrustment', relType: 'UNDER' },
    { from: 'Entrustment', to: 'Party', relType: 'APPROVED_BY' },
    { from: 'Party', to: 'Party', relType: 'SUBSIDIARY_OF' },
    { from: 'Party', to: 'Party', relType: 'OPERATED_BY' },
    { from: 'Party', to: 'Party', relType: 'MEMBER_OF' },
    { from: 'Incident', to: 'Party', relType: 'AT' },
    { from: 'Party', to: 'Source', relType: 'CITES' },
    { from: 'Entrustment', to: 'Source', relType: 'CITES' },
    { from: 'Incident', to: 'Source', relType: 'CITES' },
    { from: 'SyncScope', to: 'Entrustment', relType: 'HOLDS' },
  ],
};
