// The parties with these ids; unknown ids match nothing. The record is the node's properties and
// what its relationships lead to (memberships with their roles, certifications with their
// sources), lists in their `position` order (cypher/README.md).
MATCH (p:Party) WHERE p.id IN $ids
RETURN p {.*,
  parent: head([(p)-[:SUBSIDIARY_OF]->(parent:Party) | parent.id]),
  operator: head([(p)-[:OPERATED_BY]->(operator:Party) | operator.id]),
  memberOf: COLLECT { MATCH (p)-[r:MEMBER_OF]->(consortium:Party) RETURN {party: consortium.id, role: r.role} ORDER BY r.position },
  certifications: COLLECT {
    MATCH (p)-[r:HAS_CERTIFICATION]->(c:Certification)
    RETURN c {.*, sources: COLLECT { MATCH (c)-[s:CITES]->(source:Source) RETURN source.id ORDER BY s.position }}
    ORDER BY r.position
  },
  sources: COLLECT { MATCH (p)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
