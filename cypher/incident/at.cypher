// Incidents that happened at one of these parties.
MATCH (i:Incident) WHERE i.party IN $ids
RETURN i.json AS json
