// Deletes the entrustments with these ids and their relationships; unknown ids match nothing.
MATCH (e:Entrustment) WHERE e.id IN $ids
DETACH DELETE e
