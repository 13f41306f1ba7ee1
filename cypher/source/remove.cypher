// Deletes the sources with these ids; unknown ids match nothing.
MATCH (n:Source) WHERE n.id IN $ids
DETACH DELETE n
