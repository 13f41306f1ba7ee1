// Draws the relationships of staged records, as party/link, entrustment/link and incident/link do,
// to what each id names: the stored node, or else the node this import stages for it (resolution
// checked before the first write that every id names one or the other).
CALL () {
  UNWIND $parties AS row
  MATCH (p:PendingParty {id: row.id})
  CALL (p) {
    OPTIONAL MATCH (stored:Party {id: p.parent})
    OPTIONAL MATCH (staged:PendingParty {id: p.parent})
    WITH p, coalesce(stored, staged) AS parent
    WHERE parent IS NOT NULL
    CREATE (p)-[:SUBSIDIARY_OF]->(parent)
  }
  CALL (p) {
    OPTIONAL MATCH (stored:Party {id: p.operator})
    OPTIONAL MATCH (staged:PendingParty {id: p.operator})
    WITH p, coalesce(stored, staged) AS operator
    WHERE operator IS NOT NULL
    CREATE (p)-[:OPERATED_BY]->(operator)
  }
  CALL (p, row) {
    UNWIND row.memberOf AS membership
    OPTIONAL MATCH (stored:Party {id: membership.party})
    OPTIONAL MATCH (staged:PendingParty {id: membership.party})
    WITH p, membership, coalesce(stored, staged) AS consortium
    WHERE consortium IS NOT NULL
    CREATE (p)-[:MEMBER_OF {role: membership.role}]->(consortium)
  }
  CALL (p, row) {
    UNWIND [sourceId IN coalesce(p.sources, []) | {id: sourceId, certification: false}] + [sourceId IN row.certificationSources | {id: sourceId, certification: true}] AS cited
    OPTIONAL MATCH (stored:Source {id: cited.id})
    OPTIONAL MATCH (staged:PendingSource {id: cited.id})
    WITH p, cited, coalesce(stored, staged) AS source
    WHERE source IS NOT NULL
    CREATE (p)-[r:CITES]->(source)
    SET r.certification = CASE WHEN cited.certification THEN true END
  }
}
CALL () {
  UNWIND $entrustments AS id
  MATCH (e:PendingEntrustment {id: id})
  CALL (e) {
    OPTIONAL MATCH (stored:Party {id: e.client})
    OPTIONAL MATCH (staged:PendingParty {id: e.client})
    WITH e, coalesce(stored, staged) AS client
    WHERE client IS NOT NULL
    CREATE (client)-[:ENTRUSTS]->(e)
  }
  CALL (e) {
    OPTIONAL MATCH (stored:Party {id: e.contractor})
    OPTIONAL MATCH (staged:PendingParty {id: e.contractor})
    WITH e, coalesce(stored, staged) AS contractor
    WHERE contractor IS NOT NULL
    CREATE (e)-[:TO]->(contractor)
  }
  CALL (e) {
    UNWIND coalesce(e.under, []) AS upstreamId
    OPTIONAL MATCH (stored:Entrustment {id: upstreamId})
    OPTIONAL MATCH (staged:PendingEntrustment {id: upstreamId})
    WITH e, coalesce(stored, staged) AS upstream
    WHERE upstream IS NOT NULL
    CREATE (e)-[:UNDER]->(upstream)
  }
  CALL (e) {
    UNWIND e.approvedBy AS approverId
    OPTIONAL MATCH (stored:Party {id: approverId})
    OPTIONAL MATCH (staged:PendingParty {id: approverId})
    WITH e, coalesce(stored, staged) AS approver
    WHERE approver IS NOT NULL
    CREATE (e)-[:APPROVED_BY]->(approver)
  }
  CALL (e) {
    UNWIND e.sources AS sourceId
    OPTIONAL MATCH (stored:Source {id: sourceId})
    OPTIONAL MATCH (staged:PendingSource {id: sourceId})
    WITH e, coalesce(stored, staged) AS source
    WHERE source IS NOT NULL
    CREATE (e)-[:CITES]->(source)
  }
}
CALL () {
  UNWIND $incidents AS id
  MATCH (i:PendingIncident {id: id})
  CALL (i) {
    OPTIONAL MATCH (stored:Party {id: i.party})
    OPTIONAL MATCH (staged:PendingParty {id: i.party})
    WITH i, coalesce(stored, staged) AS party
    WHERE party IS NOT NULL
    CREATE (i)-[:AT]->(party)
  }
  CALL (i) {
    UNWIND i.sources AS sourceId
    OPTIONAL MATCH (stored:Source {id: sourceId})
    OPTIONAL MATCH (staged:PendingSource {id: sourceId})
    WITH i, coalesce(stored, staged) AS source
    WHERE source IS NOT NULL
    CREATE (i)-[:CITES]->(source)
  }
}
