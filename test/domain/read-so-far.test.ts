import t from 'tap';
import { walkInRounds, type ReadRound } from '../../src/domain/exposure/rounds.js';
import { buildStateGraph, stateGraphSteps } from '../../src/domain/exposure/state-graph.js';
import { walkLink, type WalkLink } from '../../src/domain/exposure/walk-link.js';
import type { Leak } from '../../src/domain/leak.js';

// A leak's reads, kept from the walk that read them in rounds, are walked again without asking at
// each state what they lack (ReadSoFar.whole): the same graph, and a walk that meets what was never
// read fails rather than taking it for absent.

const link = (id: string, client: string, contractor: string, under?: string[]): WalkLink =>
  walkLink({ id, client, contractor, data: ['user.contact'], under });

// city → vendor (declared) → cart (inferred); shop → cart, elsewhere.
const register = [
  link('city--vendor', 'city', 'vendor', []),
  link('vendor--cart', 'vendor', 'cart'),
  link('shop--host', 'shop', 'host', []),
];
const roundsOf = (asked: string[][]): ReadRound => {
  return async (parties, ids) => {
    asked.push([...parties, ...ids]);
    return register
      .filter((e) => parties.includes(e.contractor) || ids.includes(e.id))
      .map((e) => ({ ...e }));
  };
};
const leakAt = (party: string): Leak => ({ party, window: {}, data: null });

t.test('a walk over what a walk read is the same graph, asked nothing', async (t) => {
  const asked: string[][] = [];
  const { result, source } = await walkInRounds(roundsOf(asked), (read) =>
    stateGraphSteps(leakAt('cart'), read, 0),
  );
  t.ok(asked.length >= 2, `read in ${asked.length} rounds`);
  const again = buildStateGraph(leakAt('cart'), source, 0);
  t.strictSame(
    again.states.map((s) => [s.e.id, s.ends]),
    result.states.map((s) => [s.e.id, s.ends]),
    'the same states, ending alike',
  );
  t.strictSame([...again.next.targets], [...result.next.targets], 'the same edges');
  t.ok(
    again.states.some((s) => s.e.client === 'city'),
    'the city is reached through the vendor',
  );
});

t.test('a walk over what a walk read fails where it meets what was never read', async (t) => {
  const { source } = await walkInRounds(roundsOf([]), (read) =>
    stateGraphSteps(leakAt('cart'), read, 0),
  );
  t.throws(
    () => buildStateGraph(leakAt('host'), source, 0),
    /never read/,
    'a leak whose reads were not kept',
  );
});
