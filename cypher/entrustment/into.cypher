// Entrustments into one of the parties, keeping those whose period [from, to) intersects the
// window; a null end, of the window or of the period, is open.
MATCH (contractor:Party)<-[:TO]-(e:Entrustment)
WHERE contractor.id IN $ids
  AND ($from IS NULL OR e.to IS NULL OR $from < e.to)
  AND ($to IS NULL OR e.from IS NULL OR e.from < $to)
RETURN e {.*} AS props
