// Every API key record (hashes only), by name.
MATCH (k:ApiKey)
RETURN k.json AS json
ORDER BY k.name
