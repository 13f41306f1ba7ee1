// Drops the UNDER links of these entrustments, then the refs nothing links to any more, so a
// re-written or removed entrustment is no longer found under what it used to name.
UNWIND $ids AS id
MATCH (:Entrustment {id: id})-[link:UNDER]->(r:EntrustmentRef)
DELETE link
WITH DISTINCT r
WHERE NOT EXISTS { (r)<-[:UNDER]-() }
DELETE r
