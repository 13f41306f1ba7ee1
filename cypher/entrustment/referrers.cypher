// Entrustments that declare they perform one of these (UNDER): what a removal must not orphan.
MATCH (e:Entrustment) WHERE e.id IN $ids
MATCH (e)<-[r:UNDER]-(d:Entrustment)
RETURN e.id AS target, d.id AS id, labels(d) AS labels, type(r) AS rel, false AS certification
