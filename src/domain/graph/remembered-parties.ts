import type { Party } from '../model.js';
import type { StorePort } from '../../store/port.js';
import { keptPerGeneration } from './per-generation.js';

// The parties an answer names, remembered until a write touches a party: a blast radius at a hub
// names thousands of controllers, and a dashboard asks it again after every write (a new incident
// leaves every party as it was); over the network (Neo4j) each ask read them all again.
const byStore = keptPerGeneration(['parties'], () => new Map<string, Party | null>());

/**
 * store.parties(ids), from what this generation already read where it can.
 * @param asked the generation the asker read when its request began (PerGeneration.get).
 */
export async function rememberedParties(
  store: StorePort,
  ids: readonly string[],
  asked?: Promise<number>,
): Promise<Party[]> {
  const known = await byStore(store, asked);
  const missing = [...new Set(ids.filter((id) => !known.has(id)))];
  if (missing.length > 0) {
    const read = new Map((await store.parties(missing)).map((p) => [p.id, p]));
    for (const id of missing) known.set(id, read.get(id) ?? null);
  }
  return ids.flatMap((id) => known.get(id) ?? []);
}
