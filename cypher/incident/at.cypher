// Incidents that happened at one of these parties, returned as incident/get-many does.
MATCH (party:Party)<-[:AT]-(i:Incident)
WHERE party.id IN $ids
RETURN i {.*,
  party: party.id,
  revisions: COLLECT { MATCH (i)-[r:HAS_REVISION]->(v:Revision) RETURN v {.*} ORDER BY r.position },
  sources: COLLECT { MATCH (i)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
