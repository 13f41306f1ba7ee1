// Writes each row's node as the whole entrustment (SET e = drops what the row does not carry)
// and links it to a ref per id in its `under`. Run after entrustment/detach-under for the same
// ids, so the links are exactly the new ones. A ref, not the upstream entrustment itself,
// because `under` may name an entrustment that is written later or never.
UNWIND $rows AS row
MERGE (e:Entrustment {id: row.node.id})
SET e = row.node
WITH e, row
UNWIND row.under AS upstream
MERGE (r:EntrustmentRef {id: upstream})
MERGE (e)-[:UNDER]->(r)
