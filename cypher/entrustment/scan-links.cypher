// A page of what whole-graph questions read of entrustments (links, period, data, records), in
// id order strictly after the given id; with $asOf (a DATE), only those in force that day.
// `ownData` is `under: []` (empty lists are not stored).
MATCH (e:Entrustment) WHERE e.id > $afterId
  AND ($asOf IS NULL OR ((e.from IS NULL OR e.from <= $asOf) AND (e.to IS NULL OR $asOf < e.to)))
WITH e ORDER BY e.id LIMIT $limit
// Every entrustment has one client and one contractor (the register's writes keep both): matched,
// not looked up row by row, as entrustment/upstream-round does.
MATCH (client:Party)-[:ENTRUSTS]->(e)-[:TO]->(contractor:Party)
RETURN e.id AS id, client.id AS client, contractor.id AS contractor,
  e.ownData AS ownData,
  COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position } AS under,
  e.data AS data, toString(e.from) AS from, toString(e.to) AS to, e.records AS records
ORDER BY e.id
