// Every declared data category (a register declares a handful), in id order.
MATCH (c:Category)
RETURN c.id AS id, c.parent AS parent, c.name AS name, c.description AS description
ORDER BY c.id
