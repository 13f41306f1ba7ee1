import type { RegisterBatch } from '../../src/domain/model.js';
import type { StorePort } from '../../src/store/port.js';
import { entrustmentRecord, partyRecord } from './records.js';

// A store read in rounds (as Neo4j is), here the embedded store without its local reader, whose
// reads are logged when they start and end, with a write made during a round: what the
// generation's check after a walk is for.

/** Parties and entrustments [client, contractor, under], ids prefixed. */
export const registerOf = (
  prefix: string,
  entrustments: [string, string, string[] | undefined][],
): RegisterBatch => ({
  sources: [],
  parties: [...new Set(entrustments.flatMap(([c, k]) => [c, k]))].map((id) =>
    partyRecord(prefix + id),
  ),
  entrustments: entrustments.map(([client, contractor, under]) =>
    entrustmentRecord(`${prefix}${client}--${contractor}`, prefix + client, prefix + contractor, {
      ...(under ? { under } : {}),
    }),
  ),
  incidents: [],
});

export interface RoundHooks {
  /** Run in each round (numbered from 1) before its rows are read. */
  before?: (round: number) => Promise<void>;
  /** Run in each round after its rows are read, before they are answered. */
  after?: (round: number) => Promise<void>;
}

/** `base` read in rounds, its generation, entrustments and parties reads logged in `log`. */
export function inRounds(base: StorePort, log: string[], hooks: RoundHooks = {}): StorePort {
  let rounds = 0;
  const logged =
    (name: string, read: (...args: never[]) => Promise<unknown>) =>
    async (...args: never[]) => {
      log.push(`start ${name}`);
      // Each read takes a while, so reads sent together are seen together.
      await new Promise((resolve) => setTimeout(resolve, 15));
      const answer = await read(...args);
      log.push(`end ${name}`);
      return answer;
    };
  return new Proxy(base, {
    get: (target, prop) => {
      if (prop === 'upstreamReader') return undefined;
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as (...args: never[]) => Promise<unknown>).bind(target);
      if (prop === 'upstreamRound')
        return logged('round', async (...args: never[]) => {
          const round = ++rounds;
          await hooks.before?.(round);
          const rows = await bound(...args);
          await hooks.after?.(round);
          return rows;
        });
      if (prop === 'generation' || prop === 'entrustments' || prop === 'parties')
        return logged(prop, bound);
      return bound;
    },
  });
}
