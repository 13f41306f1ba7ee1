// StorePort.upstreamLinks: what a leak at one of the parties over the window can reach, in one
// query. The parties upstream of the leak through entrustments in force in the window (a
// breadth-first expansion Neo4j prunes to each party once, however many paths lead to it), then
// every entrustment into them, of any period, as a compact row: the domain's fixpoint decides
// which of them a path really takes. A declared `under` names an entrustment into this client
// (the register checks it), so these rows hold every one the walk can meet.
MATCH (leak:Party) WHERE leak.id IN $ids
MATCH path = (leak)<-[:TO|ENTRUSTS*0..]-(p:Party)
  WHERE all(n IN nodes(path) WHERE n:Party OR (
    ($from IS NULL OR n.to IS NULL OR $from < n.to) AND ($to IS NULL OR n.from IS NULL OR n.from < $to)))
WITH DISTINCT p
MATCH (p)<-[:TO]-(e:Entrustment)<-[:ENTRUSTS]-(client:Party)
RETURN e.id AS id, client.id AS client, p.id AS contractor, e.ownData AS ownData,
  COLLECT { MATCH (e)-[r:UNDER]->(upstream:Entrustment) RETURN upstream.id ORDER BY r.position } AS under,
  e.data AS data, toString(e.from) AS from, toString(e.to) AS to, e.records AS records, e.confidence AS confidence,
  e.disclosed AS disclosed, e.subjects AS subjects
