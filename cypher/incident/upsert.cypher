// Writes each incident node: its own fields as properties, and its record-count revisions as
// (i)-[:HAS_REVISION {position}]->(:Revision {date, records, note}). Drops its old relationships
// and revisions; incident/link draws the new relationships once every node of the batch exists.
UNWIND $rows AS row
MERGE (i:Incident {id: row.id})
SET i = row.props
WITH i, row
CALL (i) {
  MATCH (i)-[r:AT|CITES]->()
  DELETE r
}
CALL (i) {
  MATCH (i)-[:HAS_REVISION]->(v:Revision)
  DETACH DELETE v
}
CALL (i, row) {
  UNWIND range(0, size(row.revisions) - 1) AS position
  CREATE (i)-[:HAS_REVISION {position: position}]->(v:Revision)
  SET v = row.revisions[position]
}
