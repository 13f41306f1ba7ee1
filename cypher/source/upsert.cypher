// Writes each source node with its fields as properties: SET s = drops what the row lacks.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props
