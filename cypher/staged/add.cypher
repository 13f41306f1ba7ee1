// Stages the records a large import adds (their ids are not stored yet): each as a node with its
// properties, as the kind's upsert writes them, but labelled Pending and Pending<Kind>, which no
// query that answers users matches; an incident's revisions likewise. staged/publish gives them
// their real labels at commit.
CALL () {
  UNWIND $sources AS row
  CREATE (n:Pending:PendingSource)
  SET n = row.props
}
CALL () {
  UNWIND $parties AS row
  CREATE (n:Pending:PendingParty)
  SET n = row.props
}
CALL () {
  UNWIND $entrustments AS row
  CREATE (n:Pending:PendingEntrustment)
  SET n = row.props
}
CALL () {
  UNWIND $incidents AS row
  CREATE (n:Pending:PendingIncident)
  SET n = row.props
  WITH n, row
  UNWIND range(0, size(row.revisions) - 1) AS position
  CREATE (n)-[:HAS_REVISION {position: position}]->(v:Pending:PendingRevision)
  SET v = row.revisions[position]
}
