// StorePort.downstreamLinks: what a supply chain from one of the parties can reach, in one query.
// The parties downstream of them through entrustments in force on $asOf (any, when null: a
// breadth-first expansion Neo4j prunes to each party once, however many paths lead to it), then
// every entrustment they make in force on $asOf, as a compact row: the domain's walk decides which of them performs what. A declared
// `under` names an entrustment into its client (the register checks it), so these rows hold
// every performer the walk can meet.
MATCH (start:Party) WHERE start.id IN $ids
MATCH path = (start)-[:ENTRUSTS|TO*0..]->(p:Party)
  WHERE all(n IN nodes(path) WHERE n:Party OR $asOf IS NULL OR (
    (n.from IS NULL OR n.from <= $asOf) AND (n.to IS NULL OR $asOf < n.to)))
WITH DISTINCT p
MATCH (p)-[:ENTRUSTS]->(e:Entrustment)-[:TO]->(contractor:Party)
  WHERE $asOf IS NULL OR ((e.from IS NULL OR e.from <= $asOf) AND (e.to IS NULL OR $asOf < e.to))
RETURN e.id AS id, p.id AS client, contractor.id AS contractor, e.ownData AS ownData,
  COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position } AS under,
  e.data AS data, toString(e.from) AS from, toString(e.to) AS to, e.records AS records, e.confidence AS confidence,
  e.disclosed AS disclosed, e.subjects AS subjects
