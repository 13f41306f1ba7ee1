import t from 'tap';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { importRegister } from '../../src/register/import.js';
import { ladderRegister } from '../helpers/ladder.js';
import { appWith, gql, tempStore } from '../helpers/app.js';

// Blast radius work stays bounded whatever the register's shape: the 120-level ladder, whose
// paths double at every level, answers with truncated and a count of what was not explored.

const leak = { party: 'rung-0', window: { from: '2015-01-01', to: '2015-02-01' }, data: null };

t.test(
  'the 120-level ladder is truncated, with a count of the partial paths not explored',
  async (t) => {
    const store = await tempStore(t);
    t.ok((await importRegister(store, ladderRegister(120))).ok);
    const result = await blastRadius(store, leak as never);
    t.equal(result.truncated, true);
    t.ok(result.unexplored > 0, `${result.unexplored} partial paths not explored`);
    // The budget is checked between levels, so the walk ends within one level (≤ 2 × 50,000) of it.
    t.ok(
      result.steps <= 200_000 + 100_000,
      `the walk made ${result.steps} steps, within its budget`,
    );
    const app = await appWith(t, ladderRegister(120));
    const { data, errors } = await gql(
      app,
      '{ blastRadius(party: "rung-0", from: "2015-01-01", to: "2015-02-01") { truncated unexplored controllers { party { id } } } }',
    );
    t.equal(errors, undefined);
    t.same(
      [data.blastRadius.truncated, data.blastRadius.unexplored > 0],
      [true, true],
      'over GraphQL too',
    );
  },
);

t.test('a small ladder is walked completely: every path, nothing truncated', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, ladderRegister(6))).ok);
  const result = await blastRadius(store, leak as never, { maxPathsPerController: 100 });
  t.same([result.truncated, result.unexplored], [false, 0]);
  t.same(
    result.controllers.map((c) => [c.party, c.pathCount]),
    [['rung-6', 64]],
  );
  const path = result.controllers[0]!.paths[0]!;
  t.same(
    path.hops.map((h) => h.id),
    ['rung-5-a', 'rung-4-a', 'rung-3-a', 'rung-2-a', 'rung-1-a', 'rung-0-a'],
    'controller first, leak last',
  );
  t.same(path.links, ['declared', 'inferred', 'inferred', 'inferred', 'inferred', 'inferred']);
});

t.test('a small budget truncates early and says how much was left', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, ladderRegister(10))).ok);
  const result = await blastRadius(store, leak as never, { maxSteps: 100 });
  t.equal(result.truncated, true);
  t.ok(result.steps <= 100 + 2 * 64, 'stops within one level of the budget');
  t.ok(result.unexplored > 0);
});
