import { keptPerGeneration } from '../graph/per-generation.js';
import type { StorePort } from '../../store/port.js';
import { ReadSoFar } from './rounds.js';

// Every walk up that a store over the network answers in rounds (Neo4j) reads into one source per
// store and generation, as the embedded store's reader keeps what walks read: two hubs' open
// windows share most of what they read (at 100k parties, 460k entrustments in 48 rounds for the
// first), and a group's walk to its root controllers after a leak at one of its services reads
// only what the leak's did not. Rows are whole entrustments of any period, so walks over any
// window share them.
const kept = keptPerGeneration(['entrustments', 'parties'], () => new ReadSoFar());

/**
 * What walks up have read of `store`'s current generation, to read the rest into.
 * @param asked the generation the asker read when its request began (PerGeneration.get).
 */
export function keptReads(store: StorePort, asked?: Promise<number>): Promise<ReadSoFar> {
  return kept(store, asked);
}
