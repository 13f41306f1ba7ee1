// Run first in every write transaction, so the new generation commits with the write or not at all.
// The one node is also a lock: concurrent writes take their turns at it, and no count is lost
// (SET takes the node's write lock before it reads the old value). `previous` is the generation
// the write found once it held the lock: a write planned at another generation is refused.
MERGE (m:StoreMeta {id: 'store'})
SET m.generation = coalesce(m.generation, 0) + 1
RETURN m.generation - 1 AS previous
