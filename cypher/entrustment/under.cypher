// Entrustments whose `under` names one of these entrustments, each once.
MATCH (r:EntrustmentRef)<-[:UNDER]-(e:Entrustment) WHERE r.id IN $ids
WITH DISTINCT e
RETURN e.json AS json
