// Writes each row as the whole node: SET n = row drops every property the row does not carry
// or carries as null, so a re-written record keeps nothing of its old version.
UNWIND $rows AS row
MERGE (n:Incident {id: row.id})
SET n = row
