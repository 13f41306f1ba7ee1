import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../src/store/embedded/index.js';
import { openNeo4jStore } from '../src/store/neo4j/index.js';
import type { StorePort } from '../src/store/port.js';
import { canStartNeo4j, freePort, rssOf, startOwnNeo4j } from './neo4j-server.js';

// The stores the bench measures side by side, each on a fresh, empty database per size.

export interface StoreUnderTest {
  name: 'embedded' | 'neo4j';
  /** Opens the store: the first time on an empty database, later on what was written. */
  open(): Promise<StorePort>;
  /** Memory the store holds outside this process (Neo4j's JVM), in bytes. */
  outsideRss(): number | null;
  dispose(): Promise<void>;
}

export function embedded(): StoreUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'vc-bench-'));
  return {
    name: 'embedded',
    open: () => openEmbeddedStore(dir),
    outsideRss: () => null,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The memory a Neo4j gets here, as docker-compose.yml gives the service: one import is one
 * transaction, and its state lives on the heap (cypher/README.md, "Import").
 */
export const BENCH_NEO4J_MEMORY = { NEO4J_TEST_HEAP: '6g', NEO4J_TEST_PAGECACHE: '2g', NEO4J_TEST_TX_MAX: '4g' };

export async function neo4j(): Promise<StoreUnderTest> {
  const server = await startOwnNeo4j(await freePort(), BENCH_NEO4J_MEMORY);
  const config = { uri: server.uri, user: 'neo4j', password: 'auth-disabled', connectTimeoutS: 60 };
  return {
    name: 'neo4j',
    open: () => openNeo4jStore(config),
    outsideRss: () => rssOf(server.pid),
    dispose: () => server.stop(),
  };
}

/** Which stores to measure: VC_BENCH_STORES=embedded,neo4j (default: both where Java and Maven are). */
export function storesToMeasure(env: NodeJS.ProcessEnv = process.env): Array<'embedded' | 'neo4j'> {
  const asked = (env.VC_BENCH_STORES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (asked.length > 0) return asked.filter((s): s is 'embedded' | 'neo4j' => s === 'embedded' || s === 'neo4j');
  return canStartNeo4j() ? ['embedded', 'neo4j'] : ['embedded'];
}
