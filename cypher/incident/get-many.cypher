// The incidents with these ids; unknown ids match nothing.
MATCH (i:Incident) WHERE i.id IN $ids
RETURN i.json AS json
