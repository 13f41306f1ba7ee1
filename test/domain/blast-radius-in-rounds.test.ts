import t from 'tap';
import { blastRadius } from '../../src/domain/blast-radius.js';
import type { RegisterBatch } from '../../src/domain/model.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from '../helpers/app.js';
import { entrustmentRecord, partyRecord } from '../helpers/records.js';

// A blast radius on a store read in rounds (as Neo4j is), here the embedded store without its
// local reader: the generation read after the walk is what tells an answer of one register from a
// mix of two, and the answer's own reads go out beside it rather than after it.

const batch = (prefix: string, entrustments: [string, string, string[] | undefined][]) =>
  ({
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
  }) satisfies RegisterBatch;

/** `base` read in rounds, each read logged when it starts and ends, `hook` run inside each round. */
function inRounds(base: StorePort, log: string[], hook: (round: number) => Promise<void>) {
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
          const rows = await bound(...args);
          await hook(++rounds);
          return rows;
        });
      if (prop === 'generation' || prop === 'entrustments' || prop === 'parties')
        return logged(prop, bound);
      return bound;
    },
  });
}

t.test("a write during a leak's walk: the answer is the register after it", async (t) => {
  const base = await tempStore(t);
  // city → vendor (own data) → cart (inferred): a leak at the cart reaches the city.
  await base.upsert(
    batch('w-', [
      ['city', 'vendor', []],
      ['vendor', 'cart', undefined],
    ]),
  );
  const log: string[] = [];
  // While the first walk reads, a town starts entrusting the cart its own data.
  const store = inRounds(base, log, async (round) => {
    if (round === 1) await base.upsert(batch('w-', [['town', 'cart', []]]));
  });
  const answer = await blastRadius(
    store,
    { party: 'w-cart', window: {}, data: null },
    { asked: store.generation(), parties: true },
  );
  t.same(
    answer.controllers.map((c) => c.party).sort(),
    ['w-city', 'w-town'],
    'the town, written during the first walk, is exposed',
  );
  t.same([...answer.parties!.keys()].sort(), ['w-city', 'w-town'], 'and both parties read');
  t.ok(log.filter((e) => e === 'start round').length > 1, 'the walk ran again after the write');
});

t.test(
  'the hops and parties an answer shows are read beside the check after the walk',
  async (t) => {
    const base = await tempStore(t);
    await base.upsert(
      batch('c-', [
        ['city', 'vendor', []],
        ['vendor', 'cart', undefined],
      ]),
    );
    const log: string[] = [];
    const store = inRounds(base, log, async () => undefined);
    const answer = await blastRadius(
      store,
      { party: 'c-cart', window: {}, data: null },
      { asked: store.generation(), parties: true },
    );
    t.same(
      answer.controllers.map((c) => [c.party, c.paths.map((p) => p.hops.map((h) => h.id))]),
      [['c-city', [['c-city--vendor', 'c-vendor--cart']]]],
      'the city, with its path',
    );
    t.equal(answer.parties!.get('c-city')!.id, 'c-city');
    // After the last round: the generation's check, the hops and the parties, all sent at once.
    const afterWalk = log.slice(log.lastIndexOf('end round') + 1);
    const started = afterWalk.findIndex((e) => e.startsWith('end'));
    t.same(
      afterWalk.slice(0, started).sort(),
      ['start entrustments', 'start generation', 'start parties'],
      `sent together: ${afterWalk.join(', ')}`,
    );
  },
);
