// A page in id order strictly after the given id ('' for the first page: every id sorts after
// it), so the id index serves both the range and the order.
MATCH (e:Entrustment) WHERE e.id > $afterId
RETURN e {.*} AS props
ORDER BY e.id
LIMIT $limit
