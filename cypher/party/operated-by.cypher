// Services operated by one of these parties; only a service's operator counts, as in every store.
MATCH (p:Party) WHERE p.operator IN $ids AND p.kind = 'service'
RETURN p.json AS json
