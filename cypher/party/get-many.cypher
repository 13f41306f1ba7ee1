// The parties with these ids; unknown ids match nothing.
MATCH (p:Party) WHERE p.id IN $ids
RETURN p.json AS json
