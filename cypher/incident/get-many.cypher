// The incidents with these ids; unknown ids match nothing.
MATCH (n:Incident) WHERE n.id IN $ids
RETURN n.json AS json
