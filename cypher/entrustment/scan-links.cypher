// A page of what whole-graph questions read of entrustments (links, period, data, records), in
// id order strictly after the given id.
MATCH (e:Entrustment) WHERE e.id > $afterId
RETURN e.id AS id, e.client AS client, e.contractor AS contractor, e.under AS under,
  e.data AS data, e.from AS from, e.to AS to, e.records AS records
ORDER BY e.id
LIMIT $limit
