// The entrustments with these ids; unknown ids match nothing.
MATCH (e:Entrustment) WHERE e.id IN $ids
RETURN e {.*} AS props
