// Deletes the entrustments with these ids and their relationships; unknown ids match nothing.
// Returns their clients, whose delegations (party/delegate) are redrawn.
MATCH (e:Entrustment) WHERE e.id IN $ids
OPTIONAL MATCH (client:Party)-[:ENTRUSTS]->(e)
WITH e, client.id AS client
DETACH DELETE e
RETURN DISTINCT client
