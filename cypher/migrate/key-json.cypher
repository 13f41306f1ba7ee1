// vendor-chain migrate: a page of the ApiKey nodes the first model wrote as one `json`
// property; the adapter parses each and writes it back with migrate/key-props.
MATCH (n:ApiKey) WHERE n.json IS NOT NULL
RETURN n.name AS key, n.json AS json
LIMIT $limit
