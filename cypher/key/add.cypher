// Adds a key unless its name is taken; `created` tells which, so the adapter can roll back.
MERGE (k:ApiKey {name: $name})
ON CREATE SET k += $props, k.fresh = true
WITH k, coalesce(k.fresh, false) AS created
REMOVE k.fresh
RETURN created
