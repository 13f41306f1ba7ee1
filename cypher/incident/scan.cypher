// A page in id order strictly after the given id ('' for the first page), as party/scan.
MATCH (i:Incident) WHERE i.id > $afterId
RETURN i.json AS json
ORDER BY i.id
LIMIT $limit
