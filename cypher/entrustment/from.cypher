// Entrustments made by one of the parties, keeping those whose period [from, to) intersects the
// window; a null end, of the window or of the period, is open. Returned as entrustment/get-many does.
MATCH (client:Party)-[:ENTRUSTS]->(e:Entrustment)
WHERE client.id IN $ids
  AND ($from IS NULL OR e.to IS NULL OR $from < e.to)
  AND ($to IS NULL OR e.from IS NULL OR e.from < $to)
RETURN e {.*,
  // Dates as text: the driver decodes a DATE with 64-bit integer arithmetic, slowly.
  from: toString(e.from), to: toString(e.to),
  client: client.id,
  contractor: head([(e)-[:TO]->(contractor:Party) | contractor.id]),
  under: COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position },
  approvedBy: COLLECT { MATCH (e)-[r:APPROVED_BY]->(approver:Party) RETURN approver.id ORDER BY r.position },
  sources: COLLECT { MATCH (e)-[r:CITES]->(source:Source) RETURN source.id ORDER BY r.position }
} AS record
