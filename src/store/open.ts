import type { Config } from '../config.js';
import { openEmbeddedStore } from './embedded/index.js';
import type { StorePort } from './port.js';
import { rememberTarget, type StoreTarget } from './target.js';

/** The configured store; the Neo4j adapter is loaded only when asked for. */
export async function openStore(config: Config): Promise<StorePort> {
  if (config.store === 'neo4j' && config.neo4j) {
    const { openNeo4jStore } = await import('./neo4j/index.js');
    return rememberTarget(await openNeo4jStore(config.neo4j), {
      kind: 'neo4j',
      neo4j: config.neo4j,
    });
  }
  return openEmbeddedStore(config.dataDir);
}

/** The store at `target`, opened again (from another thread: a worker cannot be handed a store). */
export async function openStoreAt(target: StoreTarget): Promise<StorePort> {
  if (target.kind === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j/index.js');
    return openNeo4jStore(target.neo4j);
  }
  return openEmbeddedStore(target.dataDir);
}
