// Draws each entrustment's relationships from its properties:
//   (client:Party)-[:ENTRUSTS]->(e)-[:TO]->(contractor:Party)
//   (e)-[:UNDER]->(upstream:Entrustment)   one per id in `under`, in the same register or stored
//   (e)-[:APPROVED_BY]->(:Party), (e)-[:CITES]->(:Source)
UNWIND $ids AS id
MATCH (e:Entrustment {id: id})
CALL (e) {
  MATCH (client:Party {id: e.client})
  CREATE (client)-[:ENTRUSTS]->(e)
}
CALL (e) {
  MATCH (contractor:Party {id: e.contractor})
  CREATE (e)-[:TO]->(contractor)
}
CALL (e) {
  UNWIND coalesce(e.under, []) AS upstreamId
  MATCH (upstream:Entrustment {id: upstreamId})
  CREATE (e)-[:UNDER]->(upstream)
}
CALL (e) {
  UNWIND e.approvedBy AS approverId
  MATCH (approver:Party {id: approverId})
  CREATE (e)-[:APPROVED_BY]->(approver)
}
CALL (e) {
  UNWIND e.sources AS sourceId
  MATCH (source:Source {id: sourceId})
  CREATE (e)-[:CITES]->(source)
}
