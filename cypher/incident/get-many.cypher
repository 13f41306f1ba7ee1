// The incidents with these ids; unknown ids match nothing. The record is the node's properties,
// where it happened, its record-count revisions and its sources, in their `position` order.
MATCH (i:Incident) WHERE i.id IN $ids
RETURN i {.*,
  party: head([(i)-[:AT]->(party:Party) | party.id]),
  revisions: COLLECT { MATCH (i)-[r:HAS_REVISION]->(v:Revision) RETURN v {.*} ORDER BY r.position },
  sources: COLLECT { MATCH (i)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
