// A page in id order strictly after the given id ('' for the first page: every id sorts after
// it), so the id index serves both the range and the order. Returned as entrustment/get-many does.
MATCH (e:Entrustment) WHERE e.id > $afterId
WITH e ORDER BY e.id LIMIT $limit
RETURN e {.*,
  // Dates as text: the driver decodes a DATE with 64-bit integer arithmetic, slowly.
  from: toString(e.from), to: toString(e.to),
  client: head([(client:Party)-[:ENTRUSTS]->(e) | client.id]),
  contractor: head([(e)-[:TO]->(contractor:Party) | contractor.id]),
  under: COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position },
  approvedBy: COLLECT { MATCH (e)-[r:APPROVED_BY]->(approver:Party) RETURN approver.id ORDER BY r.position },
  sources: COLLECT { MATCH (e)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
ORDER BY e.id
