// The store's write generation: 0 before the first write.
OPTIONAL MATCH (m:StoreMeta {id: 'store'})
RETURN coalesce(m.generation, 0) AS generation
