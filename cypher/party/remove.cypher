// Deletes the parties with these ids, their certifications and their relationships; unknown ids
// match nothing.
MATCH (p:Party) WHERE p.id IN $ids
OPTIONAL MATCH (p)-[:HAS_CERTIFICATION]->(c:Certification)
DETACH DELETE c, p
