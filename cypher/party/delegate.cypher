// Redraws what each of these parties delegates, once every relationship of the write is drawn:
// one (client)-[:DELEGATES_TO {from, to, data}]->(contractor) per pair that has entrustments, so
// Browser and Bloom show a chain as one hop per delegation. It spans them all: `from` the
// earliest start and `to` the latest end (absent when one of them is open), `data` every
// category any of them carries (absent when one carries none: unknown data).
UNWIND $ids AS id
MATCH (client:Party {id: id})
CALL (client) {
  MATCH (client)-[r:DELEGATES_TO]->()
  DELETE r
}
CALL (client) {
  MATCH (client)-[:ENTRUSTS]->(e:Entrustment)-[:TO]->(contractor:Party)
  WITH contractor, count(e) AS entrustments, min(e.from) AS earliest, count(e.from) AS starts,
    max(e.to) AS latest, count(e.to) AS ends, collect(e.data) AS lists
  CREATE (client)-[d:DELEGATES_TO]->(contractor)
  SET d.from = CASE WHEN starts = entrustments THEN earliest END,
    d.to = CASE WHEN ends = entrustments THEN latest END,
    d.data = CASE WHEN size(lists) = entrustments
      THEN COLLECT { UNWIND lists AS list UNWIND list AS category RETURN DISTINCT category ORDER BY category }
    END
}
