// The cheapest query the server must answer: proves the connection and the database.
RETURN 1 AS ok
