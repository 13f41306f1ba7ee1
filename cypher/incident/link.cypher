// Draws each incident's relationships from the ids its row names: (i)-[:AT]->(:Party) where it
// happened, (i)-[:CITES {position}]->(:Source).
UNWIND $rows AS row
MATCH (i:Incident {id: row.id})
CALL (i, row) {
  MATCH (p:Party {id: row.party})
  CREATE (i)-[:AT]->(p)
}
CALL (i, row) {
  UNWIND range(0, size(row.sources) - 1) AS position
  MATCH (source:Source {id: row.sources[position]})
  CREATE (i)-[:CITES {position: position}]->(source)
}
