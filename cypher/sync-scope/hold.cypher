// A sync's scope now holds exactly the entrustments its import listed: the old HOLDS go, the new
// ones are drawn. Run after the batch's entrustment nodes are written, in the same transaction.
MERGE (s:SyncScope {name: $name})
WITH s
CALL (s) {
  MATCH (s)-[r:HOLDS]->()
  DELETE r
}
WITH s
UNWIND $ids AS id
MATCH (e:Entrustment {id: id})
CREATE (s)-[:HOLDS]->(e)
