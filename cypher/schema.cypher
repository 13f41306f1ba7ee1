// Applied at every start; IF NOT EXISTS makes it idempotent. Statements end with ";" at the end
// of a line (the loader splits there): the driver runs one statement at a time.

// Uniqueness keeps MERGE on id to one node per record, and backs id lookups, scans and their order.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entrustment_id IF NOT EXISTS FOR (n:Entrustment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entrustment_ref_id IF NOT EXISTS FOR (n:EntrustmentRef) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT store_meta_id IF NOT EXISTS FOR (n:StoreMeta) REQUIRE n.id IS UNIQUE;

// One index per key the port looks records up by.
CREATE INDEX entrustment_client IF NOT EXISTS FOR (n:Entrustment) ON (n.client);
CREATE INDEX entrustment_contractor IF NOT EXISTS FOR (n:Entrustment) ON (n.contractor);
CREATE INDEX incident_party IF NOT EXISTS FOR (n:Incident) ON (n.party);
CREATE INDEX party_parent IF NOT EXISTS FOR (n:Party) ON (n.parent);
CREATE INDEX party_operator IF NOT EXISTS FOR (n:Party) ON (n.operator);

// Access: API keys by name, audit entries by their write generation.
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
