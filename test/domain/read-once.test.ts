import t from 'tap';
import { generate } from '../../bench/generate.js';
import { ReadOnce } from '../../src/domain/graph/read-once.js';
import { byId } from '../../src/domain/links.js';
import type { Entrustment } from '../../src/domain/model.js';
import { redelegationFindings } from '../../src/domain/redelegation.js';
import { rootControllers } from '../../src/domain/roots.js';
import { supplyChain } from '../../src/domain/supply-chain.js';
import { importRegister } from '../../src/register/import.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

// The bench's register at 400 parties: controllers whose chains reach a SaaS hub, cycles included.
const synthetic = generate(400);

/** The store without its local link readers: reads as a Neo4j store offers them. */
const recordsOnly = (store: StorePort): StorePort =>
  new Proxy(store, {
    get: (target, prop) => {
      if (prop === 'upstreamReader' || prop === 'downstreamReader') return undefined;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
const sorted = (es: Entrustment[]) => [...es].sort(byId);

t.test('each read answers as the store does, and asks the store once per key', async (t) => {
  const base = await tempStore(t);
  t.ok((await importRegister(base, synthetic.document)).ok);
  const { store, calls, reset } = instrument(base);
  const reads = ReadOnce.over(store);
  t.equal(ReadOnce.over(reads), reads, 'a ReadOnce is not wrapped again');
  const [hub] = synthetic.hubs;
  const parties = [hub!, ...synthetic.controllers.slice(0, 5)];
  const from = await base.entrustmentsFrom(parties);
  const into = await base.entrustmentsInto(parties);
  const under = await base.entrustmentsUnder(from.map((e) => e.id));
  t.ok(from.length > 10 && into.length > 10 && under.length > 10);
  reset();
  for (let round = 0; round < 2; round++) {
    t.same(sorted(await reads.entrustmentsFrom(parties)), sorted(from));
    t.same(sorted(await reads.entrustmentsInto(parties)), sorted(into));
    t.same(sorted(await reads.entrustmentsUnder(from.map((e) => e.id))), sorted(under));
    t.same(sorted(await reads.entrustments(into.map((e) => e.id))), sorted(into));
  }
  t.same(
    [calls.entrustmentsFrom, calls.entrustmentsInto, calls.entrustmentsUnder, calls.entrustments],
    [1, 1, 1, undefined],
    'records met through other reads are not read again by id',
  );
  t.same(
    sorted(await reads.entrustmentsFrom(parties.slice(0, 3))),
    sorted(from.filter((e) => parties.slice(0, 3).includes(e.client))),
    'a subset of what was read is answered from memory',
  );
  t.equal(calls.entrustmentsFrom, 1);
  const window = { from: '2015-01-01', to: '2015-07-01' };
  t.same(
    sorted(await reads.entrustmentsInto(parties, window)),
    sorted(await base.entrustmentsInto(parties, window)),
    'a window is the store’s to apply',
  );
  t.equal(calls.entrustmentsInto, 2);
  t.same(await reads.entrustments(['no-such-entrustment']), []);
});

t.test(
  'root controllers, chains and findings are the same read once, by links or by records',
  async (t) => {
    const store = await tempStore(t);
    t.ok((await importRegister(store, synthetic.document)).ok);
    t.ok(store.upstreamReader, 'the embedded store reads links locally');
    const starts = await store.entrustmentsInto(synthetic.hubs);
    const byLinks = await rootControllers(store, starts);
    const byRecords = await rootControllers(recordsOnly(store), starts);
    t.ok(starts.length > 20);
    t.same(byLinks, byRecords);
    t.ok(
      [...byLinks.values()].some((roots) => roots.length > 5),
      'hubs have many roots',
    );
    const findings = (store: StorePort, controller: string) =>
      redelegationFindings(store, { controller }).then((fs) =>
        fs.map((f) => [f.entrustment.id, f.upstream.id, f.rule, f.missingApprovals, f.explanation]),
      );
    let total = 0;
    for (const c of synthetic.controllers.slice(0, 8)) {
      t.same(await supplyChain(store, c), await supplyChain(recordsOnly(store), c), c);
      t.same(
        await supplyChain(store, c, '2016-06-01'),
        await supplyChain(recordsOnly(store), c, '2016-06-01'),
        `${c} as of a date`,
      );
      // Remembered per store object: the proxy's are computed afresh, by records.
      const mine = await findings(store, c);
      t.same(mine, await findings(recordsOnly(store), c), `${c}: ${mine.length} findings`);
      total += mine.length;
    }
    t.ok(total > 100, `${total} findings compared`);
  },
);

t.test(
  'a supply chain read locally reads the parties its walk reaches, not all it could',
  async (t) => {
    const base = await tempStore(t);
    t.ok((await importRegister(base, synthetic.document)).ok);
    const { store: counted, calls } = instrument(base);
    const reached = new Set<string>();
    const watched = new Proxy(counted, {
      get: (target, prop) => {
        if (prop === 'downstreamReader')
          return () => {
            const reader = target.downstreamReader!();
            return {
              from: (party: string) => {
                reached.add(party);
                return reader.from(party);
              },
            };
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let compared = 0;
    for (const c of synthetic.controllers.slice(0, 12)) {
      reached.clear();
      const chain = await supplyChain(watched, c);
      const members = new Set(chain.members.map((m) => m.party));
      t.ok(
        [...reached].every((p) => p === c || members.has(p)),
        `${c}: only the controller and its chain's members are read`,
      );
      const closure = new Set((await base.downstreamLinks([c])).map((e) => e.client));
      if (closure.size > reached.size * 2) compared++;
    }
    t.equal(calls.downstreamLinks, undefined, 'the sub-graph below is not read whole');
    t.ok(compared > 0, 'some chains reach a hub whose own contractors the walk leaves unread');
  },
);
