// A page of what whole-graph questions read of entrustments (links, period, data, records), in
// id order strictly after the given id. Empty lists are not stored: `ownData` is `under: []`.
MATCH (e:Entrustment) WHERE e.id > $afterId
RETURN e.id AS id, e.client AS client, e.contractor AS contractor, CASE WHEN e.ownData THEN [] ELSE e.under END AS under,
  coalesce(e.data, []) AS data, e.from AS from, e.to AS to, e.records AS records
ORDER BY e.id
LIMIT $limit
