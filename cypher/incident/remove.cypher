// Deletes the incidents with these ids, their revisions and their relationships; unknown ids
// match nothing.
MATCH (i:Incident) WHERE i.id IN $ids
OPTIONAL MATCH (i)-[:HAS_REVISION]->(v:Revision)
DETACH DELETE v, i
