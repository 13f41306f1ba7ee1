import { readFile } from 'node:fs/promises';
import t from 'tap';
import { parse } from 'yaml';
import { LinkGraphBuilder } from '../../src/domain/graph/link-graph.js';
import { upLinksOf } from '../../src/domain/graph/up-links.js';
import { performsByInference } from '../../src/domain/links.js';
import { registerSchema, type Entrustment } from '../../src/domain/model.js';
import { inProject } from '../../src/paths.js';

// The columnar graph's rule restates performsByInference for speed: it must agree on every pair.

async function entrustmentsOf(...files: string[]): Promise<Entrustment[]> {
  const all: Entrustment[] = [];
  for (const file of files)
    all.push(
      ...registerSchema.parse(parse(await readFile(inProject(...file.split('/')), 'utf8')))
        .entrustments,
    );
  return all;
}

t.test(
  'agrees with performsByInference on every pair of the demo and the semantics fixtures',
  async (t) => {
    const fixtures = [
      'inferred-links.yaml',
      'inferred-redelegation.yaml',
      'cycle.yaml',
      'diamond.yaml',
      'window-and-data.yaml',
    ].map((f) => `test/fixtures/semantics/${f}`);
    for (const files of [['examples/demo-register.yaml'], fixtures]) {
      const all = await entrustmentsOf(...files);
      const builder = new LinkGraphBuilder();
      for (const e of all) builder.add(e);
      const graph = await builder.build();
      const matches = (e: number, u: number) => graph.performsByInference(e, u);
      let agreed = 0;
      let inferred = 0;
      for (let e = 0; e < all.length; e++) {
        for (let u = 0; u < all.length; u++) {
          const expected = performsByInference(all[e]!, all[u]!);
          if (matches(e, u) === expected) agreed += 1;
          if (expected) inferred += 1;
        }
      }
      t.equal(
        agreed,
        all.length * all.length,
        `${files.length === 1 ? 'demo' : 'fixtures'}: every pair agrees`,
      );
      t.ok(inferred > 0, 'some pairs are inferred links, so agreement is not vacuous');
    }
  },
);

t.test(
  'up-links: every upstream once, however many (a hub fed by many and feeding many)',
  async (t) => {
    // 120 clients into the hub and 120 re-entrustments out of it with `under` absent: 14,400 inferred
    // links on 240 entrustments. Each one carries a data key of its own under user.contact, so the
    // pairs of distinct data lists are far too many for a table.
    const into = Array.from({ length: 120 }, (_, i) => ({
      id: `in-${i}`,
      client: `c${i}`,
      contractor: 'hub',
      under: [] as string[],
      data: [`user.contact.k${i}`],
    }));
    const out = Array.from({ length: 4100 }, (_, i) => ({
      id: `out-${i}`,
      client: 'hub',
      contractor: `v${i}`,
      data: i < 120 ? ['user.contact'] : [`user.financial.k${i}`],
    }));
    const builder = new LinkGraphBuilder();
    for (const e of [...into, ...out]) builder.add(e);
    const graph = await builder.build();
    const up = await upLinksOf(graph);
    const upstreamsOf = (i: number) =>
      Array.from(up.ups.subarray(up.start[i]!, up.start[i + 1]!), (u) => graph.ids[u]);
    t.same(
      upstreamsOf(120),
      into.map((e) => e.id),
      'user.contact covers every user.contact.* key',
    );
    t.same(upstreamsOf(120 + 200), [], 'financial data has nothing in common with contact data');
    t.equal(up.ups.length, 120 * 120);
    t.same(
      [up.own[0], up.own[120], up.own[320]],
      [1, 0, 1],
      "[] is own data; absent with nothing performed is the client's own too",
    );
  },
);

t.test('data lists are told apart exactly, even when a key holds a comma', async (t) => {
  const builder = new LinkGraphBuilder();
  builder.add({
    id: 'into-hub',
    client: 'city',
    contractor: 'hub',
    under: [],
    data: ['user.name'],
  });
  // A register accepts "user.contact.p,user" as a custom key: its parent, user.contact, is known.
  builder.add({ id: 'two-keys', client: 'hub', contractor: 'a', data: ['user.contact.p', 'user'] });
  builder.add({ id: 'one-key', client: 'hub', contractor: 'b', data: ['user.contact.p,user'] });
  const graph = await builder.build();
  t.equal(graph.performsByInference(1, 0), true, 'user covers user.name');
  t.equal(
    graph.performsByInference(2, 0),
    false,
    'one custom key under user.contact: nothing in common',
  );
});
