// Writes each entrustment node with its own fields as properties (SET e = drops what the row does
// not carry, so absent stays absent) and drops its old relationships; entrustment/link draws the
// new ones once every node of the batch exists. Relationships pointing at it (others' UNDER)
// stay: the node keeps its identity. Returns the client it had, whose delegations
// (party/delegate) are redrawn with the new client's.
UNWIND $rows AS row
MERGE (e:Entrustment {id: row.id})
SET e = row.props
WITH e
CALL (e) {
  MATCH (e)-[r:TO|UNDER|APPROVED_BY|CITES]->()
  DELETE r
}
CALL (e) {
  MATCH (former:Party)-[r:ENTRUSTS]->(e)
  DELETE r
  RETURN collect(former.id) AS former
}
UNWIND former AS formerClient
RETURN DISTINCT formerClient
