// Writes each party node: its own fields as properties (SET p = drops what the row lacks), and a
// label for its kind beside :Party (:Service, :Municipality …: 'service' becomes Service), so
// Browser and Bloom can colour and filter by it. Drops its old outgoing relationships and its
// certifications; party/link draws the new ones once every node of the batch exists.
// Relationships pointing at it stay.
UNWIND $rows AS row
MERGE (p:Party {id: row.id})
SET p = row.props
REMOVE p:Municipality:Company:Committee:Consortium:Agency:Regulator:Service:Person
SET p:$(toUpper(left(p.kind, 1)) + substring(p.kind, 1))
WITH p
CALL (p) {
  MATCH (p)-[r:SUBSIDIARY_OF|OPERATED_BY|MEMBER_OF|CITES]->()
  DELETE r
}
CALL (p) {
  MATCH (p)-[:HAS_CERTIFICATION]->(c:Certification)
  DETACH DELETE c
}
