import type { Config } from '../config.js';
import type { StorePort } from './port.js';
import type { SharesBookmarks } from './shares-bookmarks.js';

// How another thread of this process opens the store a StorePort is connected to: a worker thread
// cannot be handed the object itself. The embedded store's LMDB environment is shared by every
// thread of the process (lmdb-js opens it once and counts its users); Neo4j gets a driver of its own.

export type StoreTarget =
  | { kind: 'embedded'; dataDir: string }
  | {
      kind: 'neo4j';
      neo4j: NonNullable<Config['neo4j']>;
      /** The handing thread's bookmarks: the other thread's reads see its writes (handOff). */
      bookmarks?: readonly string[];
    };

const targets = new WeakMap<StorePort, StoreTarget>();
const sharing = new WeakMap<StorePort, SharesBookmarks>();

/** Called by the functions that open stores; a store made any other way has no target. */
export function rememberTarget<S extends StorePort>(
  store: S,
  target: StoreTarget,
  bookmarks?: SharesBookmarks,
): S {
  targets.set(store, target);
  if (bookmarks) sharing.set(store, bookmarks);
  return store;
}

/** The store's target with its bookmarks now, for a thread about to work on it. */
export async function handOff(store: StorePort): Promise<StoreTarget | null> {
  const target = targets.get(store) ?? null;
  const shared = sharing.get(store);
  if (target?.kind !== 'neo4j' || !shared) return target;
  return { ...target, bookmarks: await shared.currentBookmarks() };
}

/** This store's bookmarks, to hand back to the thread that handed it its work. */
export async function bookmarksOf(store: StorePort): Promise<string[]> {
  return (await sharing.get(store)?.currentBookmarks()) ?? [];
}

/** Takes in the bookmarks another thread handed back. */
export async function learnBookmarks(
  store: StorePort,
  bookmarks: readonly string[],
): Promise<void> {
  await sharing.get(store)?.learnBookmarks(bookmarks);
}

/** Where to open this store again from another thread, or null (then work stays on this thread). */
export function targetOf(store: StorePort): StoreTarget | null {
  return targets.get(store) ?? null;
}
