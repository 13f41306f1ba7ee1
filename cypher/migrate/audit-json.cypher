// vendor-chain migrate: a page of the AuditEntry nodes the first model wrote as one `json`
// property; the adapter parses each and writes it back with migrate/audit-props.
MATCH (n:AuditEntry) WHERE n.json IS NOT NULL
RETURN n.seq AS key, n.json AS json
LIMIT $limit
