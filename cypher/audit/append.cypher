// Run inside a write's transaction after store/next-generation: the entry takes the new
// generation as its sequence number and commits with the write, or not at all.
MATCH (m:StoreMeta {id: 'store'})
CREATE (a:AuditEntry {seq: m.generation})
SET a += $props
