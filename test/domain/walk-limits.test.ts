import t from 'tap';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { importRegister } from '../../src/register/import.js';
import { ladderRegister } from '../helpers/ladder.js';
import { appWith, gql, tempStore } from '../helpers/app.js';

// Who is exposed is exact whatever the register's shape: the 120-level ladder, whose paths double
// at every level, is answered over its 240 entrustments, not its 2^120 paths. Only the path
// count can be too large to state, and then `truncated` says so.

const leak = { party: 'rung-0', window: { from: '2015-01-01', to: '2015-02-01' }, data: null };

t.test('the 120-level ladder: the exact controller, its paths counted past Int', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, ladderRegister(120))).ok);
  const result = await blastRadius(store, leak as never);
  t.same(
    result.controllers.map((c) => c.party),
    ['rung-120'],
  );
  t.equal(result.steps, 240, 'one state per entrustment: the walk never multiplies');
  const [top] = result.controllers;
  t.equal(top!.pathCount, 2 ** 31 - 1, '2^120 paths, stated as the largest Int');
  t.same([result.truncated, result.unexplored], [true, 1], 'the paths, not the set, are bounded');
  t.equal(top!.paths.length, 10, 'evidence capped per controller');
  t.equal(top!.paths[0]!.hops.length, 120);
  const app = await appWith(t, ladderRegister(120));
  const { data, errors } = await gql(
    app,
    '{ blastRadius(party: "rung-0", from: "2015-01-01", to: "2015-02-01") { truncated controllers { party { id } pathCount } } }',
  );
  t.equal(errors, undefined);
  t.same(data.blastRadius, {
    truncated: true,
    controllers: [{ party: { id: 'rung-120' }, pathCount: 2 ** 31 - 1 }],
  });
});

t.test('a 30-level ladder: 2^30 paths, counted exactly over states', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, ladderRegister(30))).ok);
  const result = await blastRadius(store, leak as never);
  t.same(
    result.controllers.map((c) => [c.party, c.pathCount]),
    [['rung-30', 2 ** 30]],
  );
  t.same([result.truncated, result.unexplored], [false, 0]);
});

t.test('a small ladder: every path, shortest and then by id first', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, ladderRegister(6))).ok);
  const result = await blastRadius(store, leak as never, { maxPathsPerController: 100 });
  t.same([result.truncated, result.unexplored], [false, 0]);
  t.same(
    result.controllers.map((c) => [c.party, c.pathCount, c.paths.length]),
    [['rung-6', 64, 64]],
  );
  const path = result.controllers[0]!.paths[0]!;
  t.same(
    path.hops.map((h) => h.id),
    ['rung-5-a', 'rung-4-a', 'rung-3-a', 'rung-2-a', 'rung-1-a', 'rung-0-a'],
    'controller first, leak last',
  );
  t.same(path.links, ['declared', 'inferred', 'inferred', 'inferred', 'inferred', 'inferred']);
  t.same(
    result.controllers[0]!.paths[63]!.hops.map((h) => h.id),
    ['rung-5-b', 'rung-4-b', 'rung-3-b', 'rung-2-b', 'rung-1-b', 'rung-0-b'],
  );
  const more = await result.controllers[0]!.morePaths(3);
  t.same(
    more.map((p) => p.hops.map((h) => h.id).join(' ')),
    result.controllers[0]!.paths.slice(0, 3).map((p) => p.hops.map((h) => h.id).join(' ')),
    'more paths are the same paths, in the same order',
  );
});
