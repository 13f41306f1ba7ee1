// Deletes the parties with these ids and their relationships; unknown ids match nothing.
MATCH (p:Party) WHERE p.id IN $ids
DETACH DELETE p
