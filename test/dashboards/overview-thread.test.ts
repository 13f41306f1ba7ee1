import t from 'tap';
import { generate } from '../../bench/generate.js';
import { WholeGraph } from '../../src/worker/whole-graph.js';
import { overview } from '../../src/domain/overview/overview.js';
import { storeCopies } from '../helpers/store-copies.js';

// On a large graph the overview's whole-graph parts (finding counts, concentration) are computed
// in the worker thread: they must be what the main thread computes.

t.test('the overview from the worker thread is the one computed here', async (t) => {
  // Two stores, since answers are remembered per store: one import, copied.
  const copies = await storeCopies(t, generate(300, 11).document);
  t.ok(copies.report.ok);
  const stores = [await copies.copy(t), await copies.copy(t)];
  for (const store of stores)
    t.equal((await store.counts()).entrustments, copies.report.entrustments, 'a copy holds it');
  const [here, there] = [
    new WholeGraph(stores[0]!, { threadFrom: null, maxFindings: 1_000_000 }),
    new WholeGraph(stores[1]!, { threadFrom: 0, maxFindings: 1_000_000 }),
  ];
  t.teardown(() => there.close());
  const counts = await here.findingCounts('2016-06-01');
  t.ok(counts.total > 100, `${counts.total} findings on 2016-06-01`);
  t.equal(
    counts.byRule.reduce((sum, r) => sum + r.count, 0),
    counts.total,
    'the cells add up to the total',
  );
  t.same(await there.findingCounts('2016-06-01'), counts, 'finding counts');
  const top = await here.concentration('2016-06-01', 3);
  const parties = top.map((r) => r.party);
  t.same(
    await there.concentrationOf('2016-06-01', parties),
    await here.concentrationOf('2016-06-01', parties),
  );
  t.same(
    (await here.concentrationOf('2016-06-01', parties)).map((r) => r.party),
    parties,
    'the rows of the parties asked for, in ranking order',
  );
  const [a, b] = [
    await overview(stores[0]!, here, '2016-06-01'),
    await overview(stores[1]!, there, '2016-06-01'),
  ];
  t.same(b, a, 'the whole overview');
  t.same(a.concentration, await here.concentration('2016-06-01', 10));
});
