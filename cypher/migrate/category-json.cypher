// vendor-chain migrate: a page of the Category nodes the first model wrote as one `json`
// property; the adapter parses each and writes it back with migrate/category-props.
MATCH (n:Category) WHERE n.json IS NOT NULL
RETURN n.id AS key, n.json AS json
LIMIT $limit
