import type { Config } from '../config.js';
import type { OpenOptions } from './neo4j/index.js';
import { openEmbeddedStore } from './embedded/index.js';
import type { StorePort } from './port.js';
import { rememberTarget, type StoreTarget } from './target.js';

/**
 * The configured store; the Neo4j adapter is loaded only when asked for. `schema: 'check'` (the
 * service) opens Neo4j only when its schema is in place; by default it is created.
 */
export async function openStore(config: Config, options: OpenOptions = {}): Promise<StorePort> {
  if (config.store === 'neo4j' && config.neo4j) {
    const { openNeo4jStore } = await import('./neo4j/index.js');
    const store = await openNeo4jStore(config.neo4j, options);
    return rememberTarget(store, { kind: 'neo4j', neo4j: config.neo4j }, store);
  }
  return openEmbeddedStore(config.dataDir);
}

/** The store at `target`, opened again (from another thread: a worker cannot be handed a store). */
export async function openStoreAt(target: StoreTarget): Promise<StorePort> {
  if (target.kind === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j/index.js');
    const store = await openNeo4jStore(target.neo4j, { bookmarks: target.bookmarks ?? [] });
    return rememberTarget(store, { kind: 'neo4j', neo4j: target.neo4j }, store);
  }
  return openEmbeddedStore(target.dataDir);
}
