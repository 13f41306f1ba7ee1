// The sources with these ids; unknown ids match nothing.
MATCH (s:Source) WHERE s.id IN $ids
RETURN s {.*} AS record
