// Applied by `vendor-chain migrate` (and when the CLI or a test opens a store; the service only checks
// it); IF NOT EXISTS makes it idempotent. Statements end with ";" at the end of a line (the loader
// splits there): the driver runs one statement at a time.

// Uniqueness keeps MERGE on id to one node per record, and backs id lookups, scans and their order.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entrustment_id IF NOT EXISTS FOR (n:Entrustment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT store_meta_id IF NOT EXISTS FOR (n:StoreMeta) REQUIRE n.id IS UNIQUE;

// Access: API keys by name, audit entries by their write generation.
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;

// Sync scopes by name: (:SyncScope)-[:HOLDS]->(:Entrustment) for what its last import listed.
CREATE CONSTRAINT sync_scope_name IF NOT EXISTS FOR (n:SyncScope) REQUIRE n.name IS UNIQUE;

// A large import stages what it adds under Pending labels (cypher/README.md, "Large imports"), and
// finds those nodes by id while it draws their relationships.
CREATE INDEX pending_source_id IF NOT EXISTS FOR (n:PendingSource) ON (n.id);
CREATE INDEX pending_party_id IF NOT EXISTS FOR (n:PendingParty) ON (n.id);
CREATE INDEX pending_entrustment_id IF NOT EXISTS FOR (n:PendingEntrustment) ON (n.id);
CREATE INDEX pending_incident_id IF NOT EXISTS FOR (n:PendingIncident) ON (n.id);

// Names and kinds are what people search and filter by in Browser and Bloom.
CREATE INDEX party_name IF NOT EXISTS FOR (n:Party) ON (n.name);
CREATE INDEX party_kind IF NOT EXISTS FOR (n:Party) ON (n.kind);

// The first model kept `under` as ref nodes and looked links up by id properties; the graph's
// relationships replace them.
DROP CONSTRAINT entrustment_ref_id IF EXISTS;
DROP INDEX entrustment_client IF EXISTS;
DROP INDEX entrustment_contractor IF EXISTS;
DROP INDEX incident_party IF EXISTS;
DROP INDEX party_parent IF EXISTS;
DROP INDEX party_operator IF EXISTS;

// Writes that follow must find the indexes online, not still populating.
CALL db.awaitIndexes(300);
