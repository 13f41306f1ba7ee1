// Newest first; `before` (null: from the newest) pages back through older entries.
MATCH (a:AuditEntry)
WHERE $before IS NULL OR a.seq < $before
RETURN a.seq AS seq, a.at AS at, a.actor AS actor, a.action AS action, a.summary AS summary,
  a.revision AS revision, a.scope AS scope, a.added AS added, a.changed AS changed,
  a.retired AS retired, a.removed AS removed, a.addedCount AS addedCount,
  a.changedCount AS changedCount, a.retiredCount AS retiredCount, a.removedCount AS removedCount
ORDER BY a.seq DESC
LIMIT $limit
