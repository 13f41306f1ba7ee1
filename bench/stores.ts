import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inProject } from '../src/paths.js';
import { loadConfig } from '../src/config.js';
import { openStore } from '../src/store/open.js';
import type { StorePort } from '../src/store/port.js';
import { canStartNeo4j, freePort, rssOf, startOwnNeo4j } from './neo4j-server.js';
import { type TransactionMemoryWatch, watchTransactionMemory } from './transaction-memory.js';

// The stores the bench measures side by side, each on a fresh, empty database per size.

export interface StoreUnderTest {
  name: 'embedded' | 'neo4j';
  /** Opens a fresh store to import into, as `vendor-chain migrate` leaves it: schema applied. */
  openToImport(): Promise<StorePort>;
  /** Opens the store as the service does, on what was written: the schema checked, not changed. */
  open(): Promise<StorePort>;
  /** Memory the store holds outside this process (Neo4j's JVM), in bytes. */
  outsideRss(): number | null;
  /** The environment that points `npm start` at this store (for the load test's own server). */
  serverEnv: Record<string, string>;
  /** Starts watching the store's largest transaction memory, where the store reports it. */
  watchTransactions?(): TransactionMemoryWatch;
  dispose(): Promise<void>;
}

// Each store is opened as the service opens it (server.ts): a store opened any other way is not
// handed to the worker thread that computes whole-graph answers (store/target.ts), and the bench
// measured Neo4j's findings and concentration on the main thread while the service computes them
// in the worker. The service checks Neo4j's schema and never applies it (`vendor-chain migrate`
// does, once): applied at every open, as the bench did, it was two-thirds of the start-up measured.
export const openAsServed = (env: Record<string, string>) =>
  openStore(loadConfig(env), { schema: 'check' });
const openMigrated = (env: Record<string, string>) => openStore(loadConfig(env));

/** The environment of a service on the bench's own Neo4j at `uri` (started without auth). */
export const neo4jServerEnv = (uri: string): Record<string, string> => ({
  STORE: 'neo4j',
  NEO4J_URI: uri,
  NEO4J_USER: 'neo4j',
  NEO4J_PASSWORD: 'auth-disabled',
  NEO4J_CONNECT_TIMEOUT_S: '60',
});

export function embedded(): StoreUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'vc-bench-'));
  const serverEnv = { STORE: 'embedded', DATA_DIR: dir };
  return {
    name: 'embedded',
    openToImport: () => openMigrated(serverEnv),
    open: () => openAsServed(serverEnv),
    serverEnv,
    outsideRss: () => null,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The memory a Neo4j gets here: what docker-compose.yml gives the service, read from it so the two
 * cannot drift. One import is one transaction, and its state lives on the heap (cypher/README.md).
 */
export function benchNeo4jMemory(): Record<string, string> {
  const compose = parse(readFileSync(inProject('docker-compose.yml'), 'utf8')) as {
    services: { neo4j: { environment: Record<string, string> } };
  };
  const env = compose.services.neo4j.environment;
  return {
    NEO4J_TEST_HEAP: env.NEO4J_server_memory_heap_max__size!,
    NEO4J_TEST_PAGECACHE: env.NEO4J_server_memory_pagecache_size!,
    NEO4J_TEST_TX_MAX: env.NEO4J_db_memory_transaction_total_max!,
  };
}

export async function neo4j(): Promise<StoreUnderTest> {
  const server = await startOwnNeo4j(await freePort(), benchNeo4jMemory());
  const serverEnv = neo4jServerEnv(server.uri);
  return {
    name: 'neo4j',
    openToImport: () => openMigrated(serverEnv),
    open: () => openAsServed(serverEnv),
    serverEnv,
    outsideRss: () => rssOf(server.pid),
    watchTransactions: () => watchTransactionMemory(server.uri),
    dispose: () => server.stop(),
  };
}

/** Which stores to measure: VC_BENCH_STORES=embedded,neo4j (default: both where Java and Maven are). */
export function storesToMeasure(env: NodeJS.ProcessEnv = process.env): Array<'embedded' | 'neo4j'> {
  const asked = (env.VC_BENCH_STORES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (asked.length > 0)
    return asked.filter((s): s is 'embedded' | 'neo4j' => s === 'embedded' || s === 'neo4j');
  return canStartNeo4j() ? ['embedded', 'neo4j'] : ['embedded'];
}
