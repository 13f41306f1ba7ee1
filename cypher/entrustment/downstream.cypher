// StorePort.downstreamLinks: what a supply chain from one of the parties can reach, in one query.
// From each party's own entrustments that perform no declared upstream (in force on $asOf, any
// when null), down the links that perform them, declared (UNDER) and inferred (PERFORMS, drawn at
// every write by the rule the walk applies), through entrustments in force on $asOf: a
// breadth-first expansion Neo4j prunes to each entrustment once. Parties alone would reach most
// of a national register through its hubs (3.3 s for a supply chain of 18 members at 100k
// parties); performers reach what a chain can. Compact rows: the domain's walk decides which of
// them performs what, and these rows hold every performer it can meet.
MATCH (start:Party)-[:ENTRUSTS]->(own:Entrustment)
  WHERE start.id IN $ids AND NOT EXISTS { (own)-[:UNDER]->() }
    AND ($asOf IS NULL OR ((own.from IS NULL OR own.from <= $asOf) AND (own.to IS NULL OR $asOf < own.to)))
MATCH path = (own)<-[:UNDER|PERFORMS*0..]-(e:Entrustment)
  WHERE all(n IN nodes(path) WHERE $asOf IS NULL OR (
    (n.from IS NULL OR n.from <= $asOf) AND (n.to IS NULL OR $asOf < n.to)))
WITH DISTINCT e
MATCH (client:Party)-[:ENTRUSTS]->(e)-[:TO]->(contractor:Party)
RETURN e.id AS id, client.id AS client, contractor.id AS contractor, e.ownData AS ownData,
  COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position } AS under,
  e.data AS data, toString(e.from) AS from, toString(e.to) AS to, e.records AS records, e.confidence AS confidence,
  e.disclosed AS disclosed, e.subjects AS subjects
