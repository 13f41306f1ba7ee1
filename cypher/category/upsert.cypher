// Declared data categories, by id: a later declaration replaces an earlier one. The whole record
// is `json`, as written (description may be absent).
UNWIND $rows AS row
MERGE (c:Category {id: row.id})
SET c.json = row.json
