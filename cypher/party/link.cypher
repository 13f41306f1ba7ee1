// Draws each party's relationships, from its properties and its memberships:
//   (p)-[:SUBSIDIARY_OF]->(parent:Party)      its corporate parent (the group it belongs to)
//   (service)-[:OPERATED_BY]->(operator:Party)
//   (p)-[:MEMBER_OF {role}]->(consortium:Party)
//   (p)-[:CITES]->(:Source), and (p)-[:CITES {certification: true}]->(:Source) for the sources
//   its certifications cite (so a removal of such a source is refused as well)
UNWIND $rows AS row
MATCH (p:Party {id: row.id})
CALL (p) {
  MATCH (parent:Party {id: p.parent})
  CREATE (p)-[:SUBSIDIARY_OF]->(parent)
}
CALL (p) {
  MATCH (operator:Party {id: p.operator})
  CREATE (p)-[:OPERATED_BY]->(operator)
}
CALL (p, row) {
  UNWIND row.memberOf AS membership
  MATCH (consortium:Party {id: membership.party})
  CREATE (p)-[:MEMBER_OF {role: membership.role}]->(consortium)
}
CALL (p) {
  UNWIND p.sources AS sourceId
  MATCH (source:Source {id: sourceId})
  CREATE (p)-[:CITES]->(source)
}
CALL (p, row) {
  UNWIND row.certificationSources AS sourceId
  MATCH (source:Source {id: sourceId})
  CREATE (p)-[:CITES {certification: true}]->(source)
}
