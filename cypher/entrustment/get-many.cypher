// The entrustments with these ids; unknown ids match nothing.
MATCH (n:Entrustment) WHERE n.id IN $ids
RETURN n.json AS json
