// Materialises the links the register leaves to inference, for each of these entrustments in both
// directions, once every relationship of the write is drawn: E performs U by inference
// (src/domain/links.ts, performsByInference) when E's `under` is absent (no ownData, no UNDER),
// U goes into E's client, and their periods and data overlap (a side with no data overlaps
// anything; a category covers the categories below it). Drawn as
// (e)-[:PERFORMS {inferred: true}]->(u), so a traversal follows [:UNDER|PERFORMS] alike.
// Matches staged entrustments and parties too (a large import draws these before it publishes,
// when the parties it adds are PendingParty, not yet Party).
UNWIND $ids AS id
CALL (id) {
  MATCH (e:Entrustment {id: id})
  RETURN e
  UNION
  MATCH (e:PendingEntrustment {id: id})
  RETURN e
}
CALL (e) {
  MATCH (e)-[r:PERFORMS]-()
  DELETE r
}
CALL (e) {
  WITH e WHERE e.ownData IS NULL AND NOT EXISTS { (e)-[:UNDER]->() }
  MATCH (e)<-[:ENTRUSTS]-(:Party|PendingParty)<-[:TO]-(u:Entrustment|PendingEntrustment)
  WHERE u <> e
    AND (e.from IS NULL OR u.to IS NULL OR e.from < u.to)
    AND (u.from IS NULL OR e.to IS NULL OR u.from < e.to)
    AND (e.data IS NULL OR u.data IS NULL OR any(x IN e.data WHERE any(y IN u.data WHERE x = y OR x STARTS WITH y + '.' OR y STARTS WITH x + '.')))
  MERGE (e)-[:PERFORMS {inferred: true}]->(u)
}
CALL (e) {
  MATCH (e)-[:TO]->(:Party|PendingParty)-[:ENTRUSTS]->(d:Entrustment|PendingEntrustment)
  WHERE d <> e AND d.ownData IS NULL AND NOT EXISTS { (d)-[:UNDER]->() }
    AND (d.from IS NULL OR e.to IS NULL OR d.from < e.to)
    AND (e.from IS NULL OR d.to IS NULL OR e.from < d.to)
    AND (d.data IS NULL OR e.data IS NULL OR any(x IN d.data WHERE any(y IN e.data WHERE x = y OR x STARTS WITH y + '.' OR y STARTS WITH x + '.')))
  MERGE (d)-[:PERFORMS {inferred: true}]->(e)
}
