// Which of a large import's ids are stored already, by kind: only those are compared
// (staged/compare), so an import into an empty store sends its ids and not its rows twice.
UNWIND $sources AS id
MATCH (n:Source {id: id})
RETURN 'sources' AS kind, id
UNION ALL
UNWIND $parties AS id
MATCH (n:Party {id: id})
RETURN 'parties' AS kind, id
UNION ALL
UNWIND $entrustments AS id
MATCH (n:Entrustment {id: id})
RETURN 'entrustments' AS kind, id
UNION ALL
UNWIND $incidents AS id
MATCH (n:Incident {id: id})
RETURN 'incidents' AS kind, id
