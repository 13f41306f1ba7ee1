// vendor-chain migrate: Category nodes written as `json` get their fields as properties.
UNWIND $rows AS row
MATCH (n:Category {id: row.key})
SET n += row.props
REMOVE n.json
