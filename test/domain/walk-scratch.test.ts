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

const answerOf = async (store: Awaited<ReturnType<typeof tempStore>>, party: string) => {
  const r = await blastRadius(
    store,
    await resolveLeak(store, { party, from: '2015-01-01', to: '2015-07-01' }),
  );
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
