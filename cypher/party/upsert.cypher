// Writes each party node: its flat fields as properties (SET p = row drops what the row lacks)
// and `json`, the whole record as written, for what properties cannot hold (memberships with
// roles, certifications over time). Drops its old outgoing relationships; party/link draws the
// new ones once every node of the batch exists. Relationships pointing at it stay.
UNWIND $rows AS row
MERGE (p:Party {id: row.id})
SET p = row
WITH p
CALL (p) {
  MATCH (p)-[r:SUBSIDIARY_OF|OPERATED_BY|MEMBER_OF|CITES]->()
  DELETE r
}
