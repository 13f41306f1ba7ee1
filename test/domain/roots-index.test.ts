import t from 'tap';
import { generate } from '../../bench/generate.js';
import { carriesGovernmentId } from '../../src/domain/severity.js';
import { emptyUpIndex, rootControllers } from '../../src/domain/roots.js';
import { supplyChain } from '../../src/domain/supply-chain.js';
import { importRegister } from '../../src/register/import.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from '../helpers/app.js';

// The bench's register at 400 parties: chains that reach a SaaS hub, whose upstreams cover most
// of the register, cycles included.
const synthetic = generate(400);

/** What a controller's findings walk up from: the upstreams of its national-id re-entrustments. */
async function startsOf(store: StorePort, controller: string) {
  const chain = await supplyChain(store, controller);
  const ups = chain.links.flatMap((l) =>
    l.upstream && carriesGovernmentId(l.entrustment.data) ? [l.upstream] : [],
  );
  return [...new Map(ups.map((u) => [u.id, u])).values()];
}

t.test('walks that share an index answer as walks on their own', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, synthetic.document)).ok);
  const index = emptyUpIndex();
  let compared = 0;
  for (const controller of synthetic.controllers.slice(0, 10)) {
    const starts = await startsOf(store, controller);
    const before = index.ups.size;
    const shared = await rootControllers(store, starts, undefined, index);
    t.same(shared, await rootControllers(store, starts), controller);
    compared += starts.length;
    t.ok(index.ups.size >= before, 'the index only grows');
  }
  t.ok(compared > 50, `${compared} starts compared`);
  t.ok(index.ups.size > 100, `${index.ups.size} entrustments indexed`);
  for (const [id, ups] of index.ups) {
    t.ok(index.clients.has(id));
    for (const u of ups) if (!index.ups.has(u)) t.fail(`${id}'s upstream ${u} is not indexed`);
  }
  t.ok(index.roots.size > 100, `${index.roots.size} entrustments' roots known`);
  for (const id of index.roots.keys())
    if (!index.ups.has(id)) t.fail(`${id}'s roots are known, its upstreams not`);
});

t.test('a walk that meets known roots walks no further', async (t) => {
  const store = await tempStore(t);
  t.ok((await importRegister(store, synthetic.document)).ok);
  const index = emptyUpIndex();
  const [first, second] = synthetic.controllers;
  const starts = await startsOf(store, first!);
  const alone = await rootControllers(store, starts, undefined, index);
  // Every link the walk reads is counted: asked again, what it starts from has known roots.
  let read = 0;
  const counted = new Proxy(store, {
    get: (target, prop) => {
      if (prop === 'upstreamReader')
        return () => {
          const reader = target.upstreamReader!()!;
          return {
            ...reader,
            get: (id: string) => (read++, reader.get(id)),
            into: (party: string) => (read++, reader.into(party)),
          };
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  t.same(await rootControllers(counted, starts, undefined, index), alone, 'the same roots');
  t.equal(read, 0, 'and nothing read to find them');
  // Another controller's starts meet the first's walk: fewer reads than on their own.
  const others = await startsOf(store, second!);
  await rootControllers(counted, others, undefined, index);
  const shared = read;
  read = 0;
  const own = await rootControllers(counted, others);
  t.same(await rootControllers(store, others, undefined, index), own, 'answered alike');
  t.ok(shared < read, `${shared} links read beside what was known, ${read} on its own`);
});

t.test('a walk that fails leaves the index as it was', async (t) => {
  const base = await tempStore(t);
  t.ok((await importRegister(base, synthetic.document)).ok);
  // Without the local reader, the walk reads in rounds, and the store fails at its third round.
  let rounds = 0;
  const records = new Proxy(base, {
    get: (target, prop) => {
      if (prop === 'upstreamReader') return undefined;
      if (prop === 'upstreamRound')
        return (parties: string[], ids: string[], window: object) =>
          ++rounds >= 3
            ? Promise.reject(new Error('the store went away'))
            : target.upstreamRound(parties, ids, window);
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const starts = await startsOf(base, synthetic.controllers[0]!);
  t.ok(
    starts.some((s) => s.under === undefined),
    'some start is linked by inference',
  );
  const index = emptyUpIndex();
  await t.rejects(rootControllers(records, starts, undefined, index), /went away/);
  t.equal(rounds, 3, 'it failed at its third round');
  t.equal(index.ups.size, 0);
  t.same(
    await rootControllers(base, starts, undefined, index),
    await rootControllers(base, starts),
  );
});
