// The entrustments that declare they perform one of these entrustments, each once.
MATCH (upstream:Entrustment)<-[:UNDER]-(e:Entrustment)
WHERE upstream.id IN $ids
WITH DISTINCT e
RETURN e {.*} AS props
