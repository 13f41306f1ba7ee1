// The partys with these ids; unknown ids match nothing.
MATCH (n:Party) WHERE n.id IN $ids
RETURN n.json AS json
