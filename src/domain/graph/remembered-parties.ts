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
  // Loops, not filter and flatMap: a hub's answer names 26k parties, asked again and again.
  const missing = new Set<string>();
  for (const id of ids) if (!known.has(id)) missing.add(id);
  if (missing.size > 0) {
    const read = new Map((await store.parties([...missing])).map((p) => [p.id, p]));
    for (const id of missing) known.set(id, read.get(id) ?? null);
  }
  const found: Party[] = [];
  for (const id of ids) {
    const party = known.get(id);
    if (party) found.push(party);
  }
  return found;
}
