// Draws each incident's relationships: (i)-[:AT]->(:Party) where it happened, (i)-[:CITES]->(:Source).
UNWIND $ids AS id
MATCH (i:Incident {id: id})
CALL (i) {
  MATCH (p:Party {id: i.party})
  CREATE (i)-[:AT]->(p)
}
CALL (i) {
  UNWIND i.sources AS sourceId
  MATCH (source:Source {id: sourceId})
  CREATE (i)-[:CITES]->(source)
}
