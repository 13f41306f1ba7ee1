// Declared data categories, by id: a later declaration replaces an earlier one (SET c = drops
// what the row lacks: an absent description, and the `json` of the first model).
UNWIND $rows AS row
MERGE (c:Category {id: row.id})
SET c = row
