import type { StorePort } from '../../store/port.js';

/** Reads that a write kept moving under them are tried this often before the last one is kept. */
const CONSISTENT_TRIES = 3;

/**
 * What `read` reads, of one register: a store that reads in pages or rounds (Neo4j, read
 * committed, not snapshots) can show a write that commits between two of its reads, so `read`
 * runs again while the generation after it is not the one read before it.
 * @param asked the generation the asker read when its request began; it is awaited before `read`
 * starts, as any generation read here is (one read alongside would prove nothing).
 */
export async function ofOneRegister<T>(
  store: StorePort,
  read: (generation: number) => Promise<T>,
  asked?: Promise<number>,
): Promise<T> {
  let generation = await (asked ?? store.generation());
  for (let tries = 1; ; tries++) {
    const answer = await read(generation);
    if (tries === CONSISTENT_TRIES) return answer;
    const now = await store.generation();
    if (now === generation) return answer;
    generation = now;
  }
}
