// vendor-chain migrate: ApiKey nodes written as `json` get their fields as properties.
UNWIND $rows AS row
MATCH (n:ApiKey {name: row.key})
SET n += row.props
REMOVE n.json
