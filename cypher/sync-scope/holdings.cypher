// The entrustment ids a sync scope holds; none for a scope never synced.
MATCH (:SyncScope {name: $name})-[:HOLDS]->(e:Entrustment)
RETURN e.id AS id
ORDER BY id
