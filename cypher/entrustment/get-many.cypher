// The entrustments with these ids; unknown ids match nothing. The record is the node's properties
// and the ids its relationships lead to, lists in their `position` order (cypher/README.md).
MATCH (e:Entrustment) WHERE e.id IN $ids
RETURN e {.*,
  // Dates as text: the driver decodes a DATE with 64-bit integer arithmetic, slowly.
  from: toString(e.from), to: toString(e.to),
  client: head([(client:Party)-[:ENTRUSTS]->(e) | client.id]),
  contractor: head([(e)-[:TO]->(contractor:Party) | contractor.id]),
  under: COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position },
  approvedBy: COLLECT { MATCH (e)-[r:APPROVED_BY]->(approver:Party) RETURN approver.id ORDER BY r.position },
  sources: COLLECT { MATCH (e)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
