// A page of entrustments' link lines (src/store/link-line.ts) in id order strictly after the
// given id. An entrustment without a line (a data key with a control character, or one written
// before lines existed) returns its JSON instead, and the adapter reads the links from that.
MATCH (n:Entrustment) WHERE n.id > $afterId
RETURN n.id AS id, n.links AS links, CASE WHEN n.links IS NULL THEN n.json END AS json
ORDER BY n.id
LIMIT $limit
