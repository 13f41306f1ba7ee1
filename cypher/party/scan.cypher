// A page in id order strictly after the given id ('' for the first page: every id sorts after
// it), so the id index serves both the range and the order.
MATCH (p:Party) WHERE p.id > $afterId
RETURN p.json AS json
ORDER BY p.id
LIMIT $limit
