// The entrustments that declare they perform one of these entrustments, each once, returned as
// entrustment/get-many does.
MATCH (upstream:Entrustment)<-[:UNDER]-(e:Entrustment)
WHERE upstream.id IN $ids
WITH DISTINCT e
RETURN e {.*,
  // Dates as text: the driver decodes a DATE with 64-bit integer arithmetic, slowly.
  from: toString(e.from), to: toString(e.to),
  client: head([(client:Party)-[:ENTRUSTS]->(e) | client.id]),
  contractor: head([(e)-[:TO]->(contractor:Party) | contractor.id]),
  under: COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position },
  approvedBy: COLLECT { MATCH (e)-[r:APPROVED_BY]->(approver:Party) RETURN approver.id ORDER BY r.position },
  sources: COLLECT { MATCH (e)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
