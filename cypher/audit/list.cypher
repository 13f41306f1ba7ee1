// Newest first; `before` (-1: none) pages back through older entries.
MATCH (a:AuditEntry)
WHERE $before < 0 OR a.seq < $before
RETURN a.seq AS seq, a.json AS json
ORDER BY a.seq DESC
LIMIT $limit
