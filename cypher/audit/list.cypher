// Newest first; `before` (null: none) pages back through older entries.
MATCH (a:AuditEntry)
WHERE $before IS NULL OR a.seq < $before
RETURN a.seq AS seq, a.json AS json
ORDER BY a.seq DESC
LIMIT $limit
