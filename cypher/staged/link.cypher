// Draws the relationships of staged records, as party/link, entrustment/link and incident/link do,
// to what each id names: the stored node, or else the node this import stages for it (resolution
// checked before the first write that every id names one or the other). A staged party's
// certifications are staged nodes too.
CALL () {
  UNWIND $parties AS row
  MATCH (p:PendingParty {id: row.id})
  CALL (p, row) {
    OPTIONAL MATCH (stored:Party {id: row.parent})
    OPTIONAL MATCH (staged:PendingParty {id: row.parent})
    WITH p, coalesce(stored, staged) AS parent
    WHERE parent IS NOT NULL
    CREATE (p)-[:SUBSIDIARY_OF]->(parent)
  }
  CALL (p, row) {
    OPTIONAL MATCH (stored:Party {id: row.operator})
    OPTIONAL MATCH (staged:PendingParty {id: row.operator})
    WITH p, coalesce(stored, staged) AS operator
    WHERE operator IS NOT NULL
    CREATE (p)-[:OPERATED_BY]->(operator)
  }
  CALL (p, row) {
    UNWIND range(0, size(row.memberOf) - 1) AS position
    WITH p, position, row.memberOf[position] AS membership
    OPTIONAL MATCH (stored:Party {id: membership.party})
    OPTIONAL MATCH (staged:PendingParty {id: membership.party})
    WITH p, position, membership, coalesce(stored, staged) AS consortium
    WHERE consortium IS NOT NULL
    CREATE (p)-[:MEMBER_OF {position: position, role: membership.role}]->(consortium)
  }
  CALL (p, row) {
    UNWIND range(0, size(row.sources) - 1) AS position
    OPTIONAL MATCH (stored:Source {id: row.sources[position]})
    OPTIONAL MATCH (staged:PendingSource {id: row.sources[position]})
    WITH p, position, coalesce(stored, staged) AS source
    WHERE source IS NOT NULL
    CREATE (p)-[:CITES {position: position}]->(source)
  }
  CALL (p, row) {
    UNWIND range(0, size(row.certifications) - 1) AS position
    WITH p, position, row.certifications[position] AS certification
    CREATE (p)-[:HAS_CERTIFICATION {position: position}]->(c:Pending:PendingCertification)
    SET c = certification.props
    WITH c, certification
    UNWIND range(0, size(certification.sources) - 1) AS cited
    OPTIONAL MATCH (stored:Source {id: certification.sources[cited]})
    OPTIONAL MATCH (staged:PendingSource {id: certification.sources[cited]})
    WITH c, cited, coalesce(stored, staged) AS source
    WHERE source IS NOT NULL
    CREATE (c)-[:CITES {position: cited}]->(source)
  }
}
CALL () {
  UNWIND $entrustments AS row
  MATCH (e:PendingEntrustment {id: row.id})
  CALL (e, row) {
    OPTIONAL MATCH (stored:Party {id: row.client})
    OPTIONAL MATCH (staged:PendingParty {id: row.client})
    WITH e, coalesce(stored, staged) AS client
    WHERE client IS NOT NULL
    CREATE (client)-[:ENTRUSTS]->(e)
  }
  CALL (e, row) {
    OPTIONAL MATCH (stored:Party {id: row.contractor})
    OPTIONAL MATCH (staged:PendingParty {id: row.contractor})
    WITH e, coalesce(stored, staged) AS contractor
    WHERE contractor IS NOT NULL
    CREATE (e)-[:TO]->(contractor)
  }
  CALL (e, row) {
    UNWIND range(0, size(row.under) - 1) AS position
    OPTIONAL MATCH (stored:Entrustment {id: row.under[position]})
    OPTIONAL MATCH (staged:PendingEntrustment {id: row.under[position]})
    WITH e, position, coalesce(stored, staged) AS upstream
    WHERE upstream IS NOT NULL
    CREATE (e)-[:UNDER {position: position}]->(upstream)
  }
  CALL (e, row) {
    UNWIND range(0, size(row.approvedBy) - 1) AS position
    OPTIONAL MATCH (stored:Party {id: row.approvedBy[position]})
    OPTIONAL MATCH (staged:PendingParty {id: row.approvedBy[position]})
    WITH e, position, coalesce(stored, staged) AS approver
    WHERE approver IS NOT NULL
    CREATE (e)-[:APPROVED_BY {position: position}]->(approver)
  }
  CALL (e, row) {
    UNWIND range(0, size(row.sources) - 1) AS position
    OPTIONAL MATCH (stored:Source {id: row.sources[position]})
    OPTIONAL MATCH (staged:PendingSource {id: row.sources[position]})
    WITH e, position, coalesce(stored, staged) AS source
    WHERE source IS NOT NULL
    CREATE (e)-[:CITES {position: position}]->(source)
  }
}
CALL () {
  UNWIND $incidents AS row
  MATCH (i:PendingIncident {id: row.id})
  CALL (i, row) {
    OPTIONAL MATCH (stored:Party {id: row.party})
    OPTIONAL MATCH (staged:PendingParty {id: row.party})
    WITH i, coalesce(stored, staged) AS party
    WHERE party IS NOT NULL
    CREATE (i)-[:AT]->(party)
  }
  CALL (i, row) {
    UNWIND range(0, size(row.sources) - 1) AS position
    OPTIONAL MATCH (stored:Source {id: row.sources[position]})
    OPTIONAL MATCH (staged:PendingSource {id: row.sources[position]})
    WITH i, position, coalesce(stored, staged) AS source
    WHERE source IS NOT NULL
    CREATE (i)-[:CITES {position: position}]->(source)
  }
}
