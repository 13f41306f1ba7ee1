import type { Config } from '../config.js';
import type { StorePort } from './port.js';

// How another thread of this process opens the store a StorePort is connected to: a worker thread
// cannot be handed the object itself. The embedded store's LMDB environment is shared by every
// thread of the process (lmdb-js opens it once and counts its users); Neo4j gets a driver of its own.

export type StoreTarget =
  { kind: 'embedded'; dataDir: string } | { kind: 'neo4j'; neo4j: NonNullable<Config['neo4j']> };

const targets = new WeakMap<StorePort, StoreTarget>();

/** Called by the functions that open stores; a store made any other way has no target. */
export function rememberTarget<S extends StorePort>(store: S, target: StoreTarget): S {
  targets.set(store, target);
  return store;
}

/** Where to open this store again from another thread, or null (then work stays on this thread). */
export function targetOf(store: StorePort): StoreTarget | null {
  return targets.get(store) ?? null;
}
