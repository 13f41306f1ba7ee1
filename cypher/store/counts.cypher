// Records of each kind; a label count is read from the count store, not by a scan.
RETURN COUNT { (:Source) } AS sources,
  COUNT { (:Party) } AS parties,
  COUNT { (:Entrustment) } AS entrustments,
  COUNT { (:Incident) } AS incidents
