// Every record that cites one of these sources: itself, or in one of its certifications (a
// Certification node cites for the party that holds it).
MATCH (s:Source) WHERE s.id IN $ids
MATCH (s)<-[:CITES]-(d)
WHERE NOT d:Pending
OPTIONAL MATCH (holder:Party)-[:HAS_CERTIFICATION]->(d)
WITH s, coalesce(holder, d) AS referrer, holder IS NOT NULL AS certification
RETURN s.id AS target, referrer.id AS id, labels(referrer) AS labels, 'CITES' AS rel, certification
