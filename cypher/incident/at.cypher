// Incidents that happened at one of these parties.
MATCH (p:Party)<-[:AT]-(i:Incident)
WHERE p.id IN $ids
RETURN i.json AS json
