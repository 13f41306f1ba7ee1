// Deletes the key with this name; `revoked` is 0 when there was none.
OPTIONAL MATCH (k:ApiKey {name: $name})
WITH k, CASE WHEN k IS NULL THEN 0 ELSE 1 END AS revoked
DELETE k
RETURN revoked
