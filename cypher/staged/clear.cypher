// Deletes up to $limit staged nodes an interrupted import left, with their relationships: run by
// the next large import once it holds the write lock, so none of them can still be in use.
MATCH (n:Pending)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleared
