import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { generate } from '../../bench/generate.js';
import { concentration } from '../../src/domain/concentration.js';
import { inForce } from '../../src/domain/dates.js';
import { groupBy, performsByInference } from '../../src/domain/links.js';
import type { Entrustment } from '../../src/domain/model.js';
import { importRegister } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';

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
    ups.set(e.id, e.under !== undefined ? e.under.flatMap((id) => byId.get(id) ?? []) : (into.get(e.client) ?? []).filter((u) => performsByInference(e, u)));
  }
  const ownData = (e: Entrustment) => (e.under !== undefined && e.under.length === 0) || (e.under === undefined && ups.get(e.id)!.length === 0);
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
    return { party, controllers: controllers.size, records, entrustments: entrustments.length };
  });
  return rows.sort((a, b) => b.controllers - a.controllers || b.records - a.records || (a.party < b.party ? -1 : 1));
}

t.test('equals the per-party walk on generated graphs with hubs, inferred links and cycles', async (t) => {
  for (const [parties, seed] of [[300, 1], [600, 7]] as const) {
    const dir = await mkdtemp(join(tmpdir(), 'vc-conc-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const store = await openEmbeddedStore(dir);
    t.teardown(() => store.close());
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
      t.same(got, expected, `${parties} parties, seed ${seed}, as of ${asOf ?? 'any time'}: every party's row`);
      t.ok(expected[0]!.controllers > 20 && expected.some((r) => r.controllers === 1), 'hubs reach many controllers, leaves few: both kinds of set are exercised');
    }
  }
});
