// Every record that names one of these parties (not what an interrupted import left staged:
// cypher/README.md): entrustments as client (ENTRUSTS), contractor
// (TO) or approver, parties as parent, operator or consortium, incidents where it happened.
MATCH (p:Party) WHERE p.id IN $ids
CALL (p) {
  MATCH (p)-[r:ENTRUSTS]->(d:Entrustment)
  RETURN d, type(r) AS rel
  UNION
  MATCH (p)<-[r:TO|APPROVED_BY|SUBSIDIARY_OF|OPERATED_BY|MEMBER_OF|AT]-(d)
  WHERE NOT d:Pending
  RETURN d, type(r) AS rel
}
RETURN p.id AS target, d.id AS id, labels(d) AS labels, rel, false AS certification
