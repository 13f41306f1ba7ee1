// Gives up to $limit staged nodes their real labels: run in the import's last transaction until it
// publishes none, so they become visible together, when it commits.
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
  SET n:Party
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
RETURN count(n) AS published
