// Services operated by one of these parties; only a service's operator counts, as in every store.
// Returned as party/get-many does.
MATCH (operator:Party)<-[:OPERATED_BY]-(p:Service)
WHERE operator.id IN $ids
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
