// A page in id order strictly after the given id ('' for the first page: every id sorts after
// it), so the id index serves both the range and the order. Returned as party/get-many does.
MATCH (p:Party) WHERE p.id > $afterId
WITH p ORDER BY p.id LIMIT $limit
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
ORDER BY p.id
