// Deletes the incidents with these ids; unknown ids match nothing.
MATCH (n:Incident) WHERE n.id IN $ids
DETACH DELETE n
