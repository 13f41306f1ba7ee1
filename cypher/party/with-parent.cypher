// Parties whose corporate parent is one of these parties.
MATCH (parent:Party)<-[:SUBSIDIARY_OF]-(p:Party)
WHERE parent.id IN $ids
RETURN p.json AS json
