// Every API key record (hashes only), by name.
MATCH (k:ApiKey)
RETURN k.name AS name, k.role AS role, k.keyId AS keyId, k.salt AS salt, k.hash AS hash, k.n AS n,
  k.createdAt AS createdAt, k.controllers AS controllers
ORDER BY k.name
