// StorePort.corporateFamily: every party joined to one of these through SUBSIDIARY_OF and
// OPERATED_BY, followed either way (a pruned breadth-first expansion: each party once), as a
// compact row of its id, kind and the two links; the domain finds the group's top and members.
MATCH (start:Party) WHERE start.id IN $ids
MATCH (start)-[:SUBSIDIARY_OF|OPERATED_BY*0..]-(p:Party)
WITH DISTINCT p
RETURN p.id AS id, p.kind AS kind,
  head([(p)-[:SUBSIDIARY_OF]->(parent:Party) | parent.id]) AS parent,
  head([(p)-[:OPERATED_BY]->(operator:Party) | operator.id]) AS operator
