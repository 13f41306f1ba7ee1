// The heap Neo4j estimates its open transactions hold, the largest of them: what an import needs of
// db.memory.transaction.total.max.
SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory
RETURN max(estimatedUsedHeapMemory) AS largest
