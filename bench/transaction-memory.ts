import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { inProject } from '../src/paths.js';

// Samples, while an import runs, the largest transaction memory Neo4j reports: the figure
// cypher/README.md gives for what a staged import's last transaction needs.

const QUERY = readFileSync(inProject('bench/transaction-memory.cypher'), 'utf8');
const EVERY_MS = 250;

export interface TransactionMemoryWatch {
  /** Stops sampling; the largest estimate seen, in bytes. */
  stop(): Promise<number>;
}

export function watchTransactionMemory(uri: string): TransactionMemoryWatch {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'auth-disabled'));
  let largest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { records } = await driver.executeQuery(QUERY);
        const value = records[0]?.get('largest');
        if (value !== null && value !== undefined)
          largest = Math.max(largest, neo4j.isInt(value) ? value.toNumber() : Number(value));
      } catch {
        // A sample missed while the server is busy committing is not worth failing the bench for.
      }
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await driver.close();
      return largest;
    },
  };
}
