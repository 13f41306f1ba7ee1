// Parties whose corporate parent is one of these parties.
MATCH (p:Party) WHERE p.parent IN $ids
RETURN p.json AS json
