// StorePort.upstreamLinks with a window open at both ends (root controllers ask so): as
// entrustment/upstream, without the per-hop period test, so Neo4j's pruned breadth-first
// expansion reaches each party once from many starting parties, rather than enumerating paths.
MATCH (leak:Party) WHERE leak.id IN $ids
MATCH (leak)<-[:TO|ENTRUSTS*0..]-(p:Party)
WITH DISTINCT p
MATCH (p)<-[:TO]-(e:Entrustment)<-[:ENTRUSTS]-(client:Party)
RETURN e.id AS id, client.id AS client, p.id AS contractor, e.ownData AS ownData,
  COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position } AS under,
  e.data AS data, toString(e.from) AS from, toString(e.to) AS to, e.records AS records, e.confidence AS confidence,
  e.disclosed AS disclosed, e.subjects AS subjects
