// A page in id order strictly after the given id ('' for the first page), as party/scan; each
// incident returned as incident/get-many does.
MATCH (i:Incident) WHERE i.id > $afterId
WITH i ORDER BY i.id LIMIT $limit
RETURN i {.*,
  party: head([(i)-[:AT]->(party:Party) | party.id]),
  revisions: COLLECT { MATCH (i)-[r:HAS_REVISION]->(v:Revision) RETURN v {.*} ORDER BY r.position },
  sources: COLLECT { MATCH (i)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
