// Deletes the partys with these ids; unknown ids match nothing.
MATCH (n:Party) WHERE n.id IN $ids
DETACH DELETE n
