// The graph the adapter writes (cypher/README.md draws it), in the shape
// @neo4j-cypher/language-support lints the cypher/ files against.
//
//   (:Party)-[:ENTRUSTS]->(:Entrustment)-[:TO]->(:Party)        client → entrustment → contractor
//   (:Entrustment)-[:UNDER {position}]->(:Entrustment)                   the upstream entrustment it performs
//   (:Entrustment)-[:APPROVED_BY]->(:Party)
//   (:Party)-[:SUBSIDIARY_OF]->(:Party), (:Party)-[:OPERATED_BY]->(:Party),
//   (:Party)-[:MEMBER_OF {position, role}]->(:Party), (:Incident)-[:AT]->(:Party)
//   (:Party|Entrustment|Incident|Certification)-[:CITES {position}]->(:Source)
//   (:Party)-[:HAS_CERTIFICATION {position}]->(:Certification), (:Incident)-[:HAS_REVISION {position}]->(:Revision)
//   (:Entrustment)-[:PERFORMS {inferred: true}]->(:Entrustment), (:Party)-[:DELEGATES_TO {from, to, data}]->(:Party)   derived
//   (:StoreMeta {id: 'store', generation})                       the write generation, one node
//   (:SyncScope {name})-[:HOLDS]->(:Entrustment)                  what a sync scope's last import listed

export const LABELS = [
  'Source',
  'Party',
  'Entrustment',
  'Incident',
  'StoreMeta',
  'ApiKey',
  'AuditEntry',
  'SyncScope',
  // What a large import stages until its last transaction publishes it (cypher/README.md).
  'Pending',
  'PendingSource',
  'PendingParty',
  'PendingEntrustment',
  'PendingIncident',
  'PendingCertification',
  'PendingRevision',
  // What a party or an incident holds that cites sources or changes over time.
  'Certification',
  'Revision',
  // A party's kind, beside :Party (party/upsert.cypher).
  'Municipality',
  'Company',
  'Committee',
  'Consortium',
  'Agency',
  'Regulator',
  'Service',
  'Person',
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
  'HAS_CERTIFICATION',
  'HAS_REVISION',
  // Derived from the register at every write (cypher/README.md, "Derived relationships").
  'PERFORMS',
  'DELEGATES_TO',
] as const;
export const PROPERTY_KEYS = [
  'id',
  // API keys and audit entries keep their record as JSON: they are not part of the register's graph.
  'json',
  'name',
  'aka',
  'kind',
  'country',
  'confidence',
  'note',
  'role',
  'generation',
  'contactEmail',
  'contactPhone',
  'contactUrl',
  'ownData',
  'purposes',
  'data',
  'subjects',
  'records',
  'from',
  'to',
  'reentrustment',
  'disclosed',
  'storage',
  'access',
  'transferBasis',
  'sources',
  'detected',
  'announced',
  'url',
  'title',
  'published',
  'seq',
  'retired',
  'position',
  'scheme',
  'status',
  'date',
  'inferred',
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
    { from: 'Party', to: 'Certification', relType: 'HAS_CERTIFICATION' },
    { from: 'Certification', to: 'Source', relType: 'CITES' },
    { from: 'Incident', to: 'Revision', relType: 'HAS_REVISION' },
    { from: 'Entrustment', to: 'Entrustment', relType: 'PERFORMS' },
    { from: 'Party', to: 'Party', relType: 'DELEGATES_TO' },
  ],
};
