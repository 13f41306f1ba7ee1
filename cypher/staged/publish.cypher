// Gives up to $limit staged nodes their real labels (a party its kind's label too, as
// party/upsert does): run in the import's last transaction until it publishes none, so they
// become visible together, when it commits.
MATCH (n:Pending)
WITH n LIMIT $limit
REMOVE n:Pending
WITH n
CALL (n) {
  WITH n WHERE n:PendingSource
  REMOVE n:PendingSource
  SET n:Source
}
CALL (n) {
  WITH n WHERE n:PendingParty
  REMOVE n:PendingParty
  SET n:Party:$(toUpper(left(n.kind, 1)) + substring(n.kind, 1))
}
CALL (n) {
  WITH n WHERE n:PendingEntrustment
  REMOVE n:PendingEntrustment
  SET n:Entrustment
}
CALL (n) {
  WITH n WHERE n:PendingIncident
  REMOVE n:PendingIncident
  SET n:Incident
}
CALL (n) {
  WITH n WHERE n:PendingCertification
  REMOVE n:PendingCertification
  SET n:Certification
}
CALL (n) {
  WITH n WHERE n:PendingRevision
  REMOVE n:PendingRevision
  SET n:Revision
}
RETURN count(n) AS published
