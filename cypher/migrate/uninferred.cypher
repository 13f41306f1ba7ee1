// `vendor-chain migrate`: the entrustments a staged import left without their inferred links
// (infer.cypher did not match the parties an import stages, before 8adf1cf): `under` absent, no
// PERFORMS from them, yet an entrustment into their client that infer.cypher links them to, by the
// same rule. A staged party's entrustments lacked every such link, both ways, so these ids find
// every link missing. A page of entrustments by id: its last id, and the ids to draw again.
MATCH (e:Entrustment) WHERE e.id > $afterId
WITH e ORDER BY e.id LIMIT $limit
WITH collect(e) AS page
RETURN page[-1].id AS last, size(page) AS read,
  [e IN page WHERE e.ownData IS NULL AND NOT EXISTS { (e)-[:UNDER]->() }
    AND NOT EXISTS { (e)-[:PERFORMS]->() }
    AND EXISTS {
      MATCH (e)<-[:ENTRUSTS]-(:Party)<-[:TO]-(u:Entrustment)
      WHERE u <> e
        AND (e.from IS NULL OR u.to IS NULL OR e.from < u.to)
        AND (u.from IS NULL OR e.to IS NULL OR u.from < e.to)
        AND (e.data IS NULL OR u.data IS NULL OR any(x IN e.data WHERE any(y IN u.data WHERE x = y OR x STARTS WITH y + '.' OR y STARTS WITH x + '.')))
    } | e.id] AS missing
