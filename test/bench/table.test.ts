import t from 'tap';
import { ANALYSIS_NAMES } from '../../bench/analyses.js';
import { comparisonTable, differingAnswers, type Measured } from '../../bench/table.js';

// The bench's summary: the stores' times side by side, and the answers they must agree on.

const latency = (mean: number) => ({ p50: 10, p99: 20, mean });

function measured(store: Measured['store'], sizes: { chain: number; top: number }): Measured {
  return {
    store,
    parties: 1000,
    entrustments: 10_000,
    importMs: store === 'embedded' ? 1_000 : 4_000,
    bulkLoadMs: store === 'neo4j' ? 2_000 : null,
    startMs: 100,
    leaf: latency(1),
    hub: latency(65),
    leafOpenStart: latency(3),
    leafOpen: latency(4_606),
    hubOpenStart: latency(184),
    hubOpen: latency(25_753),
    hubOpenSet: latency(25_753),
    supplyChain: latency(18.5),
    analyses: Object.fromEntries(
      ANALYSIS_NAMES.map((name) => [name, { hub: latency(sizes.chain), leaf: latency(2) }]),
    ) as Measured['analyses'],
    whole: { ms: 1_000, top: sizes.top },
    onDate: { ms: 500, top: 1_374 },
    again: { ms: 1, top: sizes.top },
    rss: 1024 * 1024 * 100,
    peakRss: 1024 * 1024 * 200,
    outside: store === 'neo4j' ? 1024 * 1024 * 300 : null,
    transactionPeak: null,
  };
}

t.test('the stores agreeing: no difference listed', async (t) => {
  const same = { chain: 27_601, top: 30_518 };
  t.same(differingAnswers([measured('embedded', same), measured('neo4j', same)]), []);
});

t.test('each answer the stores gave differently, named with both sizes', async (t) => {
  const listed = differingAnswers([
    measured('embedded', { chain: 27_601, top: 30_518 }),
    measured('neo4j', { chain: 55.3, top: 30_517 }),
  ]);
  t.equal(listed.length, ANALYSIS_NAMES.length + 1, 'every analysis of a hub, and the top');
  t.ok(
    listed.includes(
      `1000 parties, ${ANALYSIS_NAMES[0]} of a hub, answer size: embedded 27601, neo4j 55.3`,
    ),
    listed[0],
  );
  t.ok(
    listed.includes(
      '1000 parties, concentration, whole graph, first party: embedded 30518, neo4j 30517',
    ),
  );
});

t.test('one store measured: nothing to compare', async (t) => {
  t.same(differingAnswers([measured('embedded', { chain: 1, top: 1 })]), []);
});

t.test('the table gives Neo4j / embedded as a ratio', async (t) => {
  const same = { chain: 1, top: 1 };
  const table = comparisonTable([measured('embedded', same), measured('neo4j', same)]);
  t.match(table, /\| import, entrustments\/s \| 10,000 \| 2,500 \| 0\.3× \|/);
});
