import t from 'tap';
import { readInBatches, Slices, sortInSlices } from '../../src/domain/graph/slices.js';
import { redelegationFindings } from '../../src/domain/redelegation.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';
import { watchMainThread } from '../helpers/poll-while.js';
import { perfThreshold } from '../helpers/perf.js';
import fc from 'fast-check';

// Whole-graph answers are computed in slices (src/domain/graph/slices.ts) so the event loop keeps
// turning; the slicing must not change a single answer.

t.test(
  'a sort in slices is exactly the native stable sort, ties kept in their order',
  async (t) => {
    // Lengths around the slice size (1,024) and well past it; few keys, so ties are many.
    const keyLists = fc
      .constantFrom(0, 1, 1023, 1024, 1025, 5000, 20_000)
      .chain((n) => fc.array(fc.nat({ max: 96 }), { minLength: n, maxLength: n }));
    const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
    await fc.assert(
      fc.asyncProperty(keyLists, async (keys) => {
        const items = keys.map((key, i) => ({ key, i }));
        const before = [...items];
        // A slice of no time at all: a turn at every chance, the most interleaving there can be.
        const sorted = await sortInSlices(items, compare, new Slices(0, 1));
        const same = t.same(sorted, [...items].sort(compare), `${items.length} items`);
        return t.same(items, before, 'the input is left as it was') && same;
      }),
      { numRuns: 14 },
    );
  },
);

t.test(
  'reads in batches: every record once, in order, and the event loop turns between batches',
  async (t) => {
    const ids = Array.from({ length: 1234 }, (_, i) => `id${i}`);
    const batches: number[] = [];
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const found = await readInBatches(
      ids,
      100,
      async (some) => {
        batches.push(some.length);
        const start = Date.now();
        while (Date.now() - start < 3); // a read that decodes for a while
        return some.map((id) => ({ id }));
      },
      new Slices(1, 1),
    );
    clearInterval(ticker);
    t.same(
      found.map((r) => r.id),
      ids,
    );
    t.same(batches, [...Array(12).fill(100), 34]);
    t.ok(ticks >= 5, `timers ran between batches (${ticks})`);
  },
);

/** A chain of `n` entrustments of national-id data, each approved by the root controller p0 but the last. */
function nationalIdChain(n: number): string {
  const lines = ['register: 1', 'parties:'];
  for (let i = 0; i <= n; i++) lines.push(`  - { id: p${i}, name: P ${i}, kind: company }`);
  lines.push('entrustments:');
  for (let i = 0; i < n; i++) {
    const under = i === 0 ? '[]' : `[e${i - 1}]`;
    const approved = i === n - 1 ? '[]' : '[p0]';
    lines.push(
      `  - { id: e${i}, client: p${i}, contractor: p${i + 1}, under: ${under}, data: [user.government_id.national_identification_number], reentrustment: allowed, approvedBy: ${approved} }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

t.test(
  'findings over a national-id chain far deeper than the call stack, without holding the event loop',
  async (t) => {
    const store = await tempStore(t, 'vc-slices-');
    const n = 30_000;
    const report = await importRegister(store, nationalIdChain(n));
    t.ok(report.ok, 'imported');
    // Every level asks its root controller's approval: roots are walked up the whole chain.
    const { value: findings, longestBusy } = await watchMainThread(() =>
      redelegationFindings(store),
    );
    t.same(
      findings.map((f) => [f.entrustment.id, f.upstream.id, f.rule, f.missingApprovals]),
      [[`e${n - 1}`, `e${n - 2}`, 'UNAPPROVED', ['p0']]],
      "the one link without p0's approval, found at the far end of the chain",
    );
    perfThreshold(
      t,
      longestBusy < 100,
      `never 100 ms without a turn of the event loop (longest ${longestBusy} ms)`,
    );
  },
);
