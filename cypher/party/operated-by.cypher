// Services operated by one of these parties; only a service's operator counts, as in every store.
MATCH (operator:Party)<-[:OPERATED_BY]-(s:Party)
WHERE operator.id IN $ids AND s.kind = 'service'
RETURN s.json AS json
