// Run inside every write transaction, so the new generation commits with the write or not at all.
// The one node is also a lock: concurrent writes take their turns at it, and no count is lost.
MERGE (m:StoreMeta {id: 'store'})
SET m.generation = coalesce(m.generation, 0) + 1
