import t, { type Test } from 'tap';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { tempStore } from '../helpers/app.js';
import { inRounds, registerOf as batch } from '../helpers/in-rounds.js';

// A blast radius on a store read in rounds (as Neo4j is), here the embedded store without its
// local reader: the generation read after the walk is what tells an answer of one register from a
// mix of two, and the answer's own reads go out beside it rather than after it.

/** A store holding city → vendor (own data) → cart (inferred): a leak at the cart reaches the city. */
async function cartStore(t: Test, prefix: string) {
  const base = await tempStore(t);
  await base.upsert(
    batch(prefix, [
      ['city', 'vendor', []],
      ['vendor', 'cart', undefined],
    ]),
  );
  return base;
}

t.test("a write during a leak's walk: the answer is the register after it", async (t) => {
  const base = await cartStore(t, 'w-');
  const log: string[] = [];
  // While the first walk reads, a town starts entrusting the cart its own data.
  const store = inRounds(base, log, {
    after: async (round) => {
      if (round === 1) await base.upsert(batch('w-', [['town', 'cart', []]]));
    },
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
    const base = await cartStore(t, 'c-');
    const log: string[] = [];
    const store = inRounds(base, log);
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
