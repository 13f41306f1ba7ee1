// Writes each incident node: its flat fields as properties and `json`, the whole record as
// written (record-count revisions are a list of objects). Drops its old relationships;
// incident/link draws the new ones.
UNWIND $rows AS row
MERGE (i:Incident {id: row.id})
SET i = row
WITH i
CALL (i) {
  MATCH (i)-[r:AT|CITES]->()
  DELETE r
}
