// The sources with these ids; unknown ids match nothing.
MATCH (n:Source) WHERE n.id IN $ids
RETURN n.json AS json
