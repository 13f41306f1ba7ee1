// Draws what each of these staged parties delegates, as party/delegate does, from the entrustments
// staged for it: in a staging transaction, so that an import adding a million entrustments does not
// hold their delegations in its last transaction. Every relationship drawn here starts at a staged
// party, which no query matches until publication. A staged party that also becomes the client of
// a stored entrustment is redrawn whole by party/delegate in the last transaction.
UNWIND $ids AS id
MATCH (client:PendingParty {id: id})
CALL (client) {
  MATCH (client)-[:ENTRUSTS]->(e:PendingEntrustment)-[:TO]->(contractor)
  WHERE contractor:Party OR contractor:PendingParty
  WITH contractor, count(e) AS entrustments, min(e.from) AS earliest, count(e.from) AS starts,
    max(e.to) AS latest, count(e.to) AS ends, collect(e.data) AS lists
  CREATE (client)-[d:DELEGATES_TO]->(contractor)
  SET d.from = CASE WHEN starts = entrustments THEN earliest END,
    d.to = CASE WHEN ends = entrustments THEN latest END,
    d.data = CASE WHEN size(lists) = entrustments
      THEN COLLECT { UNWIND lists AS list UNWIND list AS category RETURN DISTINCT category ORDER BY category }
    END
}
