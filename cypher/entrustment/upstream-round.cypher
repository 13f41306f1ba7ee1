// StorePort.upstreamRound: what a leak's walk up reads next, in one query. Every entrustment into
// one of $parties (of any period) and each named in $ids; above each, the entrustments its
// declared `under` names, and theirs, as long as the chain stays in the window, plus the step
// that leaves it (the walk reads that step to say why a path stopped there), when $readAhead. A
// declared chain is the walk's own path, so this reads ahead without reading wide; what an inferred
// step reads (all that goes into a client) waits for the walk to reach that client with data in
// common.
CALL () {
  MATCH (contractor:Party)<-[:TO]-(e:Entrustment) WHERE contractor.id IN $parties RETURN e
  UNION
  MATCH (e:Entrustment) WHERE e.id IN $ids RETURN e
}
CALL (e) {
  RETURN e AS read
  UNION
  WITH e WHERE $readAhead
  MATCH chain = (e)-[:UNDER*1..]->(read:Entrustment)
  WHERE all(n IN nodes(chain)[..-1] WHERE
    ($from IS NULL OR n.to IS NULL OR $from < n.to) AND ($to IS NULL OR n.from IS NULL OR n.from < $to))
  RETURN read
}
WITH DISTINCT read AS e
// Every entrustment has one client and one contractor (the register's writes keep both): matched,
// not looked up row by row, which is a sixth of the server's time at a hub.
MATCH (client:Party)-[:ENTRUSTS]->(e)-[:TO]->(contractor:Party)
RETURN e.id AS id, client.id AS client, contractor.id AS contractor,
  e.ownData AS ownData,
  COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position } AS under,
  e.data AS data, toString(e.from) AS from, toString(e.to) AS to, e.records AS records, e.confidence AS confidence,
  e.disclosed AS disclosed, e.subjects AS subjects
