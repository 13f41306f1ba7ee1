// Deletes the entrustments with these ids; unknown ids match nothing.
MATCH (n:Entrustment) WHERE n.id IN $ids
DETACH DELETE n
