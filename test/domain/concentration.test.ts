import t from 'tap';
import { generate } from '../../bench/generate.js';
import { concentration } from '../../src/domain/concentration.js';
import { inForce } from '../../src/domain/dates.js';
import { groupBy, performsByInference } from '../../src/domain/links.js';
import type { Entrustment } from '../../src/domain/model.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';
import { instrument } from '../helpers/instrumented-store.js';

// concentration computes root controllers once for the whole graph, with shared sets and cycles
// condensed. Here it must give exactly what the plain definition gives, walked once per party:
// from the entrustments into the party, upward through what each performs (declared upstreams in
// force, or by inference), collecting the client of every entrustment of its own data.

function byDefinition(all: readonly Entrustment[], asOf?: string) {
  const live = asOf ? all.filter((e) => inForce(e, asOf)) : [...all];
  const byId = new Map(live.map((e) => [e.id, e]));
  const into = groupBy(live, (e) => e.contractor);
  const ups = new Map<string, Entrustment[]>();
  for (const e of live) {
    ups.set(
      e.id,
      e.under !== undefined
        ? e.under.flatMap((id) => byId.get(id) ?? [])
        : (into.get(e.client) ?? []).filter((u) => performsByInference(e, u)),
    );
  }
  const ownData = (e: Entrustment) =>
    (e.under !== undefined && e.under.length === 0) ||
    (e.under === undefined && ups.get(e.id)!.length === 0);
  const rows = [...into].map(([party, entrustments]) => {
    const controllers = new Set<string>();
    const seen = new Set<string>();
    const queue = [...entrustments];
    while (queue.length > 0) {
      const e = queue.pop()!;
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      if (ownData(e)) controllers.add(e.client);
      queue.push(...ups.get(e.id)!);
    }
    const records = entrustments.reduce((n, e) => n + (e.records ?? 0), 0);
    const recordsUnknown = entrustments.filter((e) => e.records === undefined).length;
    return {
      party,
      controllers: controllers.size,
      records,
      recordsUnknown,
      entrustments: entrustments.length,
    };
  });
  return rows.sort(
    (a, b) =>
      b.controllers - a.controllers || b.records - a.records || (a.party < b.party ? -1 : 1),
  );
}

t.test(
  'equals the per-party walk on generated graphs with hubs, inferred links and cycles',
  async (t) => {
    for (const [parties, seed] of [
      [300, 1],
      [600, 7],
    ] as const) {
      const store = await tempStore(t, 'vc-conc-');
      const { document } = generate(parties, seed);
      const report = await importRegister(store, document);
      t.ok(report.ok, 'the generated register imports');
      const all = (JSON.parse(document) as { entrustments: Entrustment[] }).entrustments;
      for (const asOf of [undefined, '2016-06-01']) {
        const expected = byDefinition(all, asOf);
        let turns = 0;
        const timer = setInterval(() => (turns += 1), 0);
        const got = await concentration(store, asOf, Infinity);
        clearInterval(timer);
        t.ok(turns > 0, 'other work (a timer, a request) gets a turn while the graph is read');
        t.same(
          got,
          expected,
          `${parties} parties, seed ${seed}, as of ${asOf ?? 'any time'}: every party's row`,
        );
        t.ok(
          expected[0]!.controllers > 20 && expected.some((r) => r.controllers === 1),
          'hubs reach many controllers, leaves few: both kinds of set are exercised',
        );
      }
    }
  },
);

t.test(
  'an answer is remembered until the next write, by any process; asks at once share one computation',
  async (t) => {
    const real = await tempStore(t, 'vc-conc-');
    t.ok((await importRegister(real, generate(200, 3).document)).ok);
    const { store, calls, reset } = instrument(real);
    const scans = () => calls.entrustmentLinks ?? 0;

    const [first, again] = await Promise.all([
      concentration(store, undefined, 5),
      concentration(store, undefined, 3),
    ]);
    t.equal(scans(), 1, 'two asks at once: one scan');
    t.same(again, first.slice(0, 3), 'each gets its own first n of the same ranking');
    await concentration(store, undefined, 5);
    t.equal(scans(), 1, 'asked again: remembered');
    await concentration(store, '2016-06-01', 5);
    t.equal(scans(), 2, 'another date is another answer');
    for (const asOf of ['2012-01-01', '2013-01-01', '2014-01-01'])
      await concentration(store, asOf, 1);
    await concentration(store, '2016-06-01', 1);
    t.equal(scans(), 5, 'four dates are remembered');
    await concentration(store, undefined, 1);
    t.equal(scans(), 6, 'a fifth pushes out the one asked longest ago');
    await concentration(store, '2016-06-01', 1);
    t.equal(scans(), 6, 'not the one first asked, if it was asked since');

    const top = first[0]!;
    const newcomers = Array.from({ length: top.controllers + 1 }, (_, i) => `new-town-${i}`);
    const batch = {
      sources: [],
      parties: [...newcomers, 'new-hub'].map((id) => ({
        id,
        name: id,
        aka: [],
        kind: 'company' as const,
        memberOf: [],
        certifications: [],
        confidence: 'confirmed' as const,
        sources: [],
      })),
      entrustments: newcomers.map((town) => ({
        id: `${town}--new-hub`,
        client: town,
        contractor: 'new-hub',
        under: [],
        purposes: [],
        data: [],
        subjects: [],
        reentrustment: 'unknown' as const,
        disclosed: true,
        approvedBy: [],
        storage: [],
        access: [],
        confidence: 'confirmed' as const,
        sources: [],
      })),
      incidents: [],
    };
    await real.upsert(batch);
    reset();
    const after = await concentration(store, undefined, 1);
    t.equal(scans(), 1, 'written since: computed afresh');
    t.same(
      after.map((r) => [r.party, r.controllers]),
      [['new-hub', top.controllers + 1]],
      'and the answer shows the write',
    );
    t.throws(
      () => ((after[0] as { controllers: number }).controllers = 0),
      'the remembered rows cannot be changed by an asker',
    );

    let attempts = 0;
    const failing = new Proxy(real, {
      get: (target, prop) =>
        prop === 'entrustmentLinks'
          ? async function* () {
              attempts += 1;
              yield* [];
              throw new Error('disk gone');
            }
          : Reflect.get(target, prop),
    });
    await real.remove({ parties: ['nobody'] });
    await t.rejects(concentration(failing, undefined, 1), /disk gone/);
    await t.rejects(concentration(failing, undefined, 1), /disk gone/);
    t.equal(attempts, 2, 'a failure is not remembered: the next ask tries again');
  },
);
