// Every declared data category (a register declares a handful), in id order.
MATCH (c:Category)
RETURN c.json AS json
ORDER BY c.id
