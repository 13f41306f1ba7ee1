// Deletes the incidents with these ids and their relationships; unknown ids match nothing.
MATCH (i:Incident) WHERE i.id IN $ids
DETACH DELETE i
