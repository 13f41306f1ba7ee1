// Every record that cites one of these sources, itself or in one of its certifications.
MATCH (s:Source) WHERE s.id IN $ids
MATCH (s)<-[r:CITES]-(d)
WHERE NOT d:Pending
RETURN s.id AS target, d.id AS id, labels(d) AS labels, type(r) AS rel, coalesce(r.certification, false) AS certification
