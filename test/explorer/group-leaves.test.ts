import t from 'tap';
import { buildBlastGraph, GROUP_ABOVE } from '../../src/explorer/model/blast-graph.js';
import { BLAST_RADIUS } from '../../src/explorer/model/queries.js';
import { appWith, gql } from '../helpers/app.js';

// A hub leak with more controllers than the picture draws one by one: 60 towns straight into the
// hub (50 told, 10 not), and 20 through a reseller, one of which also
// entrusts the hub directly.
const towns = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `t${String(from + i).padStart(3, '0')}`);
const direct = towns(0, 60);
const resold = towns(60, 20);
const lines = [
  'register: 1',
  'parties:',
  '  - { id: hub, name: Hub SaaS, kind: service }',
  '  - { id: reseller, name: 販売代理店, kind: company }',
  ...[...direct, ...resold].map((id) => `  - { id: ${id}, name: 町${id}, kind: municipality }`),
  'entrustments:',
  ...direct.map(
    (id, i) =>
      `  - { id: ${id}--hub, client: ${id}, contractor: hub, under: [], data: [user.name], confidence: reported${i >= 50 ? ', disclosed: false' : ''} }`,
  ),
  ...resold.map(
    (id) =>
      `  - { id: ${id}--reseller, client: ${id}, contractor: reseller, under: [], data: [user.name], confidence: reported }`,
  ),
  `  - { id: reseller--hub, client: reseller, contractor: hub, under: [${resold.map((id) => `${id}--reseller`).join(', ')}], data: [user.name], confidence: reported }`,
  `  - { id: ${resold[0]}--hub, client: ${resold[0]}, contractor: hub, under: [], data: [user.name], confidence: reported }`,
  'incidents:',
  '  - { id: hub-leak, party: hub, kind: unauthorized-access, from: 2020-01-01, to: 2020-02-01, data: [user.name] }',
];
const app = await appWith(t, lines.join('\n'));
const { data, errors } = await gql(app, BLAST_RADIUS, { incident: 'hub-leak' });

t.test(
  'past GROUP_ABOVE controllers, leaves sharing a target and a look are one node',
  async (t) => {
    t.equal(errors, undefined);
    t.equal(data.blastRadius.controllers.length, 80);
    t.ok(80 > GROUP_ABOVE);
    const graph = buildBlastGraph(data.blastRadius);
    const groups = graph.nodes.filter((n) => n.kind === 'group');
    const summary = groups.map((g) => [
      g.members?.length,
      g.classes,
      graph.edges.find((e) => e.source === g.id)?.target,
    ]);
    t.same(
      new Set(summary.map((s) => JSON.stringify(s))),
      new Set(
        [
          [50, ['group', 'confirmed'], 'hub'],
          [10, ['group', 'confirmed', 'unaware'], 'hub'],
          [19, ['group', 'confirmed'], 'reseller'],
        ].map((s) => JSON.stringify(s)),
      ),
    );
    t.equal(graph.grouped, 79);
    t.ok(
      graph.nodes.some((n) => n.id === resold[0]),
      'a town with two hops out is not a leaf: drawn alone',
    );
    t.ok(
      graph.edges.some((e) => e.id === `${resold[0]}--reseller`) &&
        graph.edges.some((e) => e.id === `${resold[0]}--hub`),
    );
    t.notOk(
      graph.edges.some((e) => e.source === direct[0]),
      'edges of grouped towns are gone',
    );
    t.match(
      groups.find((g) => g.members?.length === 10)?.members,
      Array.from({ length: 10 }, (_, i) => `町${direct[50 + i]}`),
    );
    t.equal(
      graph.edges.find((e) => e.source === groups.find((g) => g.members?.length === 10)?.id)?.label,
      'undisclosed',
    );
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges)
      t.ok(ids.has(e.source) && ids.has(e.target), `${e.id} joins drawn nodes`);
  },
);

t.test('at or under the bound nothing is grouped', async (t) => {
  const graph = buildBlastGraph(data.blastRadius, 80);
  t.equal(graph.grouped, 0);
  t.equal(graph.nodes.filter((n) => n.kind === 'controller').length, 80);
});
