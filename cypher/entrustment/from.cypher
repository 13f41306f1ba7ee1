// Entrustments made by one of the parties, keeping those whose period [from, to) intersects the
// window; a null end, of the window or of the period, is open.
MATCH (client:Party)-[:ENTRUSTS]->(e:Entrustment)
WHERE client.id IN $ids
  AND ($from IS NULL OR e.to IS NULL OR $from < e.to)
  AND ($to IS NULL OR e.from IS NULL OR e.from < $to)
RETURN e {.*} AS props
