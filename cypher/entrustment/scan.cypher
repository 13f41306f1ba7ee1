// A page in id order strictly after the given id ('' for the first page: every id sorts after
// it), so the id index serves both the range and the order.
MATCH (n:Entrustment) WHERE n.id > $afterId
RETURN n.json AS json
ORDER BY n.id
LIMIT $limit
