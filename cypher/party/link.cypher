// Draws each party's relationships from the ids its row names (no id is kept as a property):
//   (p)-[:SUBSIDIARY_OF]->(parent:Party)      its corporate parent (the group it belongs to)
//   (service)-[:OPERATED_BY]->(operator:Party)
//   (p)-[:MEMBER_OF {position, role}]->(consortium:Party)
//   (p)-[:CITES {position}]->(:Source)
//   (p)-[:HAS_CERTIFICATION {position}]->(:Certification)-[:CITES {position}]->(:Source)
UNWIND $rows AS row
MATCH (p:Party {id: row.id})
CALL (p, row) {
  MATCH (parent:Party {id: row.parent})
  CREATE (p)-[:SUBSIDIARY_OF]->(parent)
}
CALL (p, row) {
  MATCH (operator:Party {id: row.operator})
  CREATE (p)-[:OPERATED_BY]->(operator)
}
CALL (p, row) {
  UNWIND range(0, size(row.memberOf) - 1) AS position
  WITH p, position, row.memberOf[position] AS membership
  MATCH (consortium:Party {id: membership.party})
  CREATE (p)-[:MEMBER_OF {position: position, role: membership.role}]->(consortium)
}
CALL (p, row) {
  UNWIND range(0, size(row.sources) - 1) AS position
  MATCH (source:Source {id: row.sources[position]})
  CREATE (p)-[:CITES {position: position}]->(source)
}
CALL (p, row) {
  UNWIND range(0, size(row.certifications) - 1) AS position
  WITH p, position, row.certifications[position] AS certification
  CREATE (p)-[:HAS_CERTIFICATION {position: position}]->(c:Certification)
  SET c = certification.props
  WITH c, certification
  UNWIND range(0, size(certification.sources) - 1) AS cited
  MATCH (source:Source {id: certification.sources[cited]})
  CREATE (c)-[:CITES {position: cited}]->(source)
}
