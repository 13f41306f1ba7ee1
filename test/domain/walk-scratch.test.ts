import t from 'tap';
import { generate } from '../../bench/generate.js';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { resolveLeak } from '../../src/domain/leak.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';

// A walk lends its arrays by place to the next (exposure/walk-scratch.ts). After a hub's walk the
// embedded reader's places run to thousands, so a leaf's walk meets its links at high places, in
// arrays a hub's walk grew and cleared. Its answer must be the one it gets on a store where it is
// the first walk (low places): the same controllers, and the same stops, each once.
const synthetic = generate(1000);

const SIX_MONTHS = { from: '2015-01-01', to: '2015-07-01' };

const answerOf = async (
  store: Awaited<ReturnType<typeof tempStore>>,
  party: string,
  window: { from?: string; to?: string } = SIX_MONTHS,
) => {
  const r = await blastRadius(store, await resolveLeak(store, { party, ...window }));
  return {
    controllers: r.controllers.map((c) => [c.party, c.exposure, c.aware, c.pathCount, c.data]),
    notExposed: r.notExposed.map((m) => [m.entrustment.id, m.reason]),
    notExposedCount: r.notExposedCount,
  };
};

t.test('a leaf walked after a hub answers as on a store where it is walked first', async (t) => {
  const [afterHub, first] = [await tempStore(t), await tempStore(t)];
  for (const store of [afterHub, first]) t.ok((await importRegister(store, synthetic.document)).ok);
  const leaves = synthetic.leaves.slice(0, 40);
  const fresh = [];
  for (const leaf of leaves) fresh.push(await answerOf(first, leaf));

  const hub = await blastRadius(
    afterHub,
    await resolveLeak(afterHub, { party: synthetic.hubs[0]! }),
  );
  t.ok(hub.notExposedCount > 1024, `the hub's walk stops at ${hub.notExposedCount} hops`);
  let stops = 0;
  for (const [i, leaf] of leaves.entries()) {
    const again = await answerOf(afterHub, leaf);
    t.same(again, fresh[i], leaf);
    stops += again.notExposedCount;
  }
  t.ok(stops > 0, `the leaves' walks stop at ${stops} hops`);
});

// Over a window open at both ends, a client's candidates come from the reader's own lists (no
// copy filtered for the window): every entry a walk sets by their places must be cleared all
// the same, as a hub's walk after another's meets them at the places it set.
t.test('open windows walked one after another answer as where each is walked first', async (t) => {
  const storeWith = async () => {
    const store = await tempStore(t);
    t.ok((await importRegister(store, synthetic.document)).ok);
    return store;
  };
  const inTurn = await storeWith();
  let controllers = 0;
  for (const party of [...synthetic.hubs.slice(0, 3), ...synthetic.leaves.slice(0, 5)]) {
    const fresh = await answerOf(await storeWith(), party, {});
    const again = await answerOf(inTurn, party, {});
    t.same(again, fresh, party);
    controllers += again.controllers.length;
  }
  t.ok(controllers > 100, `the walks reach ${controllers} controllers`);
});
