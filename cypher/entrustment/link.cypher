// Draws each entrustment's relationships from the ids its row names (no id is kept as a property):
//   (client:Party)-[:ENTRUSTS]->(e)-[:TO]->(contractor:Party)
//   (e)-[:UNDER {position}]->(upstream:Entrustment)   one per id in `under`, in the same register or stored
//   (e)-[:APPROVED_BY {position}]->(:Party), (e)-[:CITES {position}]->(:Source)
// `position` is the id's place in its list, so the record reads back in the order it was written.
UNWIND $rows AS row
MATCH (e:Entrustment {id: row.id})
CALL (e, row) {
  MATCH (client:Party {id: row.client})
  CREATE (client)-[:ENTRUSTS]->(e)
}
CALL (e, row) {
  MATCH (contractor:Party {id: row.contractor})
  CREATE (e)-[:TO]->(contractor)
}
CALL (e, row) {
  UNWIND range(0, size(row.under) - 1) AS position
  MATCH (upstream:Entrustment {id: row.under[position]})
  CREATE (e)-[:UNDER {position: position}]->(upstream)
}
CALL (e, row) {
  UNWIND range(0, size(row.approvedBy) - 1) AS position
  MATCH (approver:Party {id: row.approvedBy[position]})
  CREATE (e)-[:APPROVED_BY {position: position}]->(approver)
}
CALL (e, row) {
  UNWIND range(0, size(row.sources) - 1) AS position
  MATCH (source:Source {id: row.sources[position]})
  CREATE (e)-[:CITES {position: position}]->(source)
}
