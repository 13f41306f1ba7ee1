// For each row of a large import whose id is stored: whether the stored node already holds exactly
// the row's properties (a null in the row is a property the node lacks). Ids not returned are new.
UNWIND $sources AS row
MATCH (n:Source {id: row.id})
RETURN 'sources' AS kind, row.id AS id, all(key IN keys(row) WHERE coalesce(n[key] = row[key], n[key] IS NULL AND row[key] IS NULL)) AND all(key IN keys(n) WHERE row[key] IS NOT NULL) AS same
UNION ALL
UNWIND $parties AS row
MATCH (n:Party {id: row.id})
RETURN 'parties' AS kind, row.id AS id, all(key IN keys(row) WHERE coalesce(n[key] = row[key], n[key] IS NULL AND row[key] IS NULL)) AND all(key IN keys(n) WHERE row[key] IS NOT NULL) AS same
UNION ALL
UNWIND $entrustments AS row
MATCH (n:Entrustment {id: row.id})
RETURN 'entrustments' AS kind, row.id AS id, all(key IN keys(row) WHERE coalesce(n[key] = row[key], n[key] IS NULL AND row[key] IS NULL)) AND all(key IN keys(n) WHERE row[key] IS NOT NULL) AS same
UNION ALL
UNWIND $incidents AS row
MATCH (n:Incident {id: row.id})
RETURN 'incidents' AS kind, row.id AS id, all(key IN keys(row) WHERE coalesce(n[key] = row[key], n[key] IS NULL AND row[key] IS NULL)) AND all(key IN keys(n) WHERE row[key] IS NOT NULL) AS same
