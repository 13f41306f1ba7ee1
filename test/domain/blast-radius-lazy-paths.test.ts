import t from 'tap';
import { generate } from '../../bench/generate.js';
import { blastRadius, type AffectedController } from '../../src/domain/blast-radius.js';
import { resolveLeak } from '../../src/domain/leak.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';

// The bench's register at 400 parties: two SaaS hubs, each reaching about 120 controllers, many
// by more than 15 paths. A leak at a hub with its window open at both ends reaches the most.
const synthetic = generate(400);

const ids = (paths: { hops: { id: string }[] }[]) => paths.map((p) => p.hops.map((h) => h.id));
const withoutPaths = ({ paths, morePaths, ...rest }: AffectedController) => {
  void paths;
  void morePaths;
  return rest;
};

t.test(
  'paths searched only when asked give the same answer as paths searched at once',
  async (t) => {
    const store = await tempStore(t);
    t.ok((await importRegister(store, synthetic.document)).ok);
    t.equal(synthetic.hubs.length, 2);
    for (const hub of synthetic.hubs) {
      const leak = await resolveLeak(store, { party: hub });
      const eager = await blastRadius(store, leak);
      const lazy = await blastRadius(store, leak, { maxPathsPerController: 0 });
      t.ok(
        eager.controllers.length > 100,
        `${hub} reaches ${eager.controllers.length} controllers`,
      );
      t.same(lazy.controllers.map(withoutPaths), eager.controllers.map(withoutPaths));
      t.same(
        [lazy.notExposed, lazy.notExposedCount, lazy.truncated, lazy.steps],
        [eager.notExposed, eager.notExposedCount, eager.truncated, eager.steps],
      );
      t.ok(
        lazy.controllers.every((c) => c.paths.length === 0),
        'no path is searched up front',
      );
      const many = eager.controllers.filter((c) => c.pathCount > 15);
      t.ok(many.length > 20, `${many.length} controllers of ${hub} have more than 15 paths`);
      for (const [i, c] of lazy.controllers.entries()) {
        const e = eager.controllers[i]!;
        t.same(ids(await c.morePaths(10)), ids(e.paths), `${c.party}: the same first paths`);
        // What paths(first: 10) asks again: the paths found, not a second search.
        t.same(ids(await e.morePaths(10)), ids(e.paths));
      }
      for (const c of many) {
        const more = await c.morePaths(15);
        t.equal(more.length, 15, `${c.party}: 15 of ${c.pathCount} paths`);
        t.same(ids(more).slice(0, 10), ids(c.paths), 'the first ten come first');
      }
    }
  },
);

t.test('a controller with fewer paths than asked gets them all, again and again', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, synthetic.document)).ok);
  const leak = await resolveLeak(store, { party: synthetic.hubs[0]! });
  const r = await blastRadius(store, leak, { maxPathsPerController: 10 });
  const few = r.controllers.filter((c) => c.pathCount < 10 && c.pathsExact);
  t.ok(few.length > 10, `${few.length} controllers with fewer than 10 paths`);
  for (const c of few) {
    t.equal(c.paths.length, c.pathCount, `${c.party}: every path is listed`);
    t.same(ids(await c.morePaths(10)), ids(c.paths));
    t.same(ids(await c.morePaths(3)), ids(c.paths).slice(0, 3));
  }
});
