// vendor-chain migrate: AuditEntry nodes written as `json` get their fields as properties.
UNWIND $rows AS row
MATCH (n:AuditEntry {seq: row.key})
SET n += row.props
REMOVE n.json
