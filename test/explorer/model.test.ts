import { parse, validate } from 'graphql';
import t from 'tap';
import { loadSchema } from '../../src/graphql/schema.js';
import { buildBlastGraph } from '../../src/explorer/model/blast-graph.js';
import { buildChainGraph } from '../../src/explorer/model/chain-graph.js';
import { edgeTags, incidentWhen, period } from '../../src/explorer/model/graph.js';
import { labelSize } from '../../src/explorer/model/graph.js';
import { LAYOUT, layoutFor } from '../../src/explorer/model/elements.js';
import {
  ALL_OPERATIONS,
  BLAST_RADIUS,
  BREACH_OBLIGATIONS,
  CROSS_BORDER,
  OVERVIEW,
  SUPPLY_CHAIN,
} from '../../src/explorer/model/queries.js';
import { changeDates, stopFor, timelineStops } from '../../src/explorer/model/timeline.js';
import { deadlineLines, pathLine, refusedDate } from '../../src/explorer/model/words.js';
import { en } from '../../src/explorer/model/i18n/en.js';
import { ja } from '../../src/explorer/model/i18n/ja.js';
import { GLOSSARY } from '../../src/i18n/glossary.js';
import { appWith, demoRegister, gql } from '../helpers/app.js';

const app = await appWith(t, await demoRegister());
const ask = async (query: string, variables: Record<string, unknown>) => {
  const { data, errors } = await gql(app, query, variables);
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
};
const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));

t.test('every operation the page sends is valid against schema/', async (t) => {
  const schema = loadSchema();
  for (const [name, text] of Object.entries(ALL_OPERATIONS))
    t.same(
      validate(schema, parse(text)).map((e) => e.message),
      [],
      name,
    );
});

t.test('the MakeShop blast radius as a picture', async (t) => {
  const { blastRadius } = await ask(BLAST_RADIUS, { incident: 'makeshop-2014' });
  const graph = buildBlastGraph(blastRadius);
  const nodes = byId(graph.nodes);
  const edges = byId(graph.edges);
  t.same([nodes.get('makeshop')?.kind, nodes.get('cotode')?.kind], ['leak', 'party']);
  t.same(nodes.get('mishima-city')?.classes, ['possible', 'unaware']);
  t.same(nodes.get('takeo-city')?.classes, ['confirmed', 'unaware']);
  t.equal(nodes.get('higashisonogi-town')?.kind, 'spared');
  t.match(
    nodes.get('higashisonogi-town')?.detail,
    /not exposed, out of window: started 2014-10-01/,
  );
  t.same(
    edges.get('cotode--makeshop')?.classes,
    ['confirmed', 'undisclosed'],
    'on a CONFIRMED path, so solid; and red',
  );
  t.equal(edges.get('cotode--makeshop')?.label, 'undisclosed');
  t.same(
    edges.get('mishima-city--cotode')?.classes,
    ['possible'],
    'only on a POSSIBLE path: dotted',
  );
  t.same(
    [
      edges.get('higashisonogi-town--cotode')?.classes,
      edges.get('higashisonogi-town--cotode')?.label,
    ],
    [['stopped'], 'out of window'],
  );
  t.equal(graph.grouped, 0);
  for (const e of graph.edges)
    t.ok(nodes.has(e.source) && nodes.has(e.target), `${e.id} joins drawn nodes`);

  const mishima = blastRadius.controllers.find(
    (c: { party: { id: string } }) => c.party.id === 'mishima-city',
  );
  t.equal(
    pathLine(mishima.paths[0]),
    'POSSIBLE, unaware: 三島市 → 株式会社cotode ⇢ (undisclosed) MakeShop',
  );
  const { breachObligations } = await ask(BREACH_OBLIGATIONS, { incident: 'makeshop-2014' });
  t.same(deadlineLines(breachObligations, 'mishima-city'), [
    'No deadline dates: nobody will tell this controller, so its clock has not started.',
  ]);
  t.match(deadlineLines(undefined, 'mishima-city')[0], /only for an incident/);
});

t.test('breach deadlines in words when the clock runs', async (t) => {
  const { breachObligations } = await ask(BREACH_OBLIGATIONS, { incident: 'colorme-2018' });
  const lines = deadlineLines(breachObligations, 'colorme-shop-owners');
  t.ok(
    lines.some((l) => /^APPI PRELIMINARY_REPORT: 2018-01-12/.test(l)),
    lines.join('\n'),
  );
  t.ok(lines.some((l) => /^APPI FINAL_REPORT: 2018-03-08/.test(l)));
});

t.test("Takeo City's chain: findings as badges, and MakeShop gone after 2015-04", async (t) => {
  const before = await ask(SUPPLY_CHAIN, { controller: 'takeo-city', asOf: '2015-03-31' });
  const graph = buildChainGraph(
    before.supplyChain,
    before.redelegationFindings,
    before.certificationAlerts,
    null,
  );
  const edge = byId(graph.edges).get('cotode--makeshop');
  t.equal(edge?.label, 'FORBIDDEN · UNDISCLOSED');
  t.same(edge?.classes, ['declared', 'undisclosed', 'finding']);
  t.same(graph.nodes.map((n) => n.id).sort(), ['cotode', 'makeshop', 'takeo-city']);
  const after = await ask(SUPPLY_CHAIN, { controller: 'takeo-city', asOf: '2015-04-01' });
  const later = buildChainGraph(
    after.supplyChain,
    after.redelegationFindings,
    after.certificationAlerts,
    null,
  );
  t.same(later.nodes.map((n) => n.id).sort(), ['cotode', 'takeo-city', 'yahoo-shopping']);
  t.same(byId(later.nodes).get('yahoo-shopping')?.classes, ['party', 'inferred']);
});

t.test('cross-border hops and certification alerts on the chain', async (t) => {
  const line = await ask(SUPPLY_CHAIN, { controller: 'line-corp' });
  const { crossBorder } = await ask(CROSS_BORDER, { controller: 'line-corp' });
  const graph = buildChainGraph(
    line.supplyChain,
    line.redelegationFindings,
    line.certificationAlerts,
    crossBorder,
  );
  t.match(byId(graph.edges).get('line--naver')?.label, /abroad: KR \(no basis\)/);
  t.ok(byId(graph.nodes).get('naver')?.classes.includes('abroad'));
  const tax = await ask(SUPPLY_CHAIN, {
    controller: 'tokyo-regional-taxation-bureau',
    asOf: '2020-09-01',
  });
  const taxGraph = buildChainGraph(
    tax.supplyChain,
    tax.redelegationFindings,
    tax.certificationAlerts,
    null,
  );
  const sd = byId(taxGraph.nodes).get('systems-design');
  t.ok(sd?.classes.includes('cert-alert'));
  t.match(sd?.label, /Privacy Mark SUSPENDED since 2020-08-24/);
});

t.test('the timeline stops where the chain changes', async (t) => {
  const { supplyChain } = await ask(
    '{ supplyChain(controller: "takeo-city") { entrustments { from to } } }',
    {},
  );
  t.same(changeDates(supplyChain.entrustments), ['2015-04-01']);
  const stops = timelineStops(supplyChain.entrustments);
  t.same(stops, ['2015-03-31', '2015-04-01']);
  t.same(
    [
      stopFor(stops, '2014-09-01'),
      stopFor(stops, '2015-04-01'),
      stopFor(stops, '2020-01-01'),
      stopFor(stops, null),
      stopFor(stops, 'junk'),
    ],
    [0, 1, 1, 1, 1],
  );
  t.same(timelineStops([{ from: null, to: null }]), []);
  t.equal(stopFor([], '2015-01-01'), -1);
  t.same(
    timelineStops([{ from: '2016-03-01', to: null }]),
    ['2016-02-29', '2016-03-01'],
    'a leap day',
  );
});

t.test('labels of Japanese names get wider boxes than Latin ones of the same length', async (t) => {
  t.ok(labelSize('東彼杵町東彼杵町東彼杵町').width > labelSize('abcdefghijkl').width);
  t.equal(labelSize('a\nb\nc').height, 68);
});

t.test('a period says an open end in words, not an ellipsis that reads as cut text', async (t) => {
  t.equal(period(null, '2014-09-25'), 'open → 2014-09-25');
  t.equal(period('2014-10-01', null), '2014-10-01 → open');
  t.equal(period(null, null), 'dates unknown');
});

t.test('the MakeShop blast radius in Japanese: the glossary terms, no English words', async (t) => {
  const { blastRadius } = await ask(BLAST_RADIUS, { incident: 'makeshop-2014' });
  const graph = buildBlastGraph(blastRadius, 60, ja);
  const nodes = byId(graph.nodes);
  t.equal(byId(graph.edges).get('cotode--makeshop')?.label, GLOSSARY.undisclosed.ja);
  t.match(nodes.get('mishima-city')?.label, /可能性あり · 未把握/);
  t.match(
    nodes.get('higashisonogi-town')?.detail,
    /影響なし（漏えい期間外）：委託期間 2014-10-01 → 継続中 は漏えい期間 開始日不明 → 2014-09-25 と重ならない/,
    'the reason said from the dates, not the English sentence of the API',
  );
  const english = /\b(exposed|unaware|records|window|controller|undisclosed|open)\b/;
  for (const x of [...graph.nodes, ...graph.edges])
    t.notMatch(`${x.label} ${x.detail}`, english, `${x.id} has no English word`);
  const mishima = blastRadius.controllers.find(
    (c: { party: { id: string } }) => c.party.id === 'mishima-city',
  );
  t.match(pathLine(mishima.paths[0], ja), /⇢（未開示） MakeShop/);
});

t.test('an unknown record count is said, never shown as 0', async (t) => {
  for (const w of [en, ja]) {
    t.notMatch(w.records(null), /\b0\b/);
    t.match(w.records(1234), /1,234/);
  }
  t.equal(en.records(null), 'records not recorded');
  t.equal(ja.records(null), '件数未記録');
});

t.test('both languages have every word, and ja uses the fixed terms of api.md', async (t) => {
  t.same(Object.keys(ja).sort(), Object.keys(en).sort());
  t.equal(ja.undisclosedLabel, '未開示');
  t.equal(ja.unawareTag, '未把握');
  t.equal(ja.notExposedTitle, '影響なし');
  t.match(ja.showBlastRadius, /影響範囲/);
  t.match(ja.legend.unaware, /未把握の委託元/);
});

t.test('Takeo City: no hop abroad, two whose storage location is not recorded', async (t) => {
  const { crossBorder } = await ask(CROSS_BORDER, { controller: 'takeo-city' });
  const chain = await ask(SUPPLY_CHAIN, { controller: 'takeo-city', asOf: '2014-09-01' });
  const graph = buildChainGraph(
    chain.supplyChain,
    chain.redelegationFindings,
    chain.certificationAlerts,
    crossBorder,
  );
  for (const e of graph.edges) {
    t.notOk(e.classes.includes('abroad'), `${e.id} is not drawn as abroad`);
    t.notMatch(e.label, /abroad/);
  }
  t.match(byId(graph.edges).get('takeo-city--cotode')?.detail, /storage location not recorded/);
});

t.test('the timeline holds the date asked for, so slider and heading agree', async (t) => {
  const entrustments = [
    { from: null, to: '2015-04-01' },
    { from: '2015-04-01', to: null },
  ];
  const stops = timelineStops(entrustments, '2014-09-01');
  t.same(stops, ['2014-09-01', '2015-03-31', '2015-04-01']);
  t.equal(stops[stopFor(stops, '2014-09-01')], '2014-09-01');
  const today = timelineStops(entrustments, '2026-12-04');
  t.same(today, ['2015-03-31', '2015-04-01', '2026-12-04'], 'today is the last stop');
  t.same(timelineStops([], '2026-12-04'), ['2026-12-04'], 'a chain with no dates has today');
  // A chain opened in the past (?asOf=2014-09-01) can be dragged back to today.
  t.same(timelineStops(entrustments, '2014-09-01', '2026-12-04'), [
    '2014-09-01',
    '2015-03-31',
    '2015-04-01',
    '2026-12-04',
  ]);
  t.same(timelineStops(entrustments, '2026-12-04', '2026-12-04'), today, 'today once');
  t.same(timelineStops(entrustments, 'junk'), ['2015-03-31', '2015-04-01']);
});

t.test(
  'the home dates an incident by what the register knows, never "dates unknown" for a window',
  async (t) => {
    const { overview } = await ask(OVERVIEW, { asOf: '2026-12-04' });
    const when = (id: string, w: typeof en = en) => {
      const row = overview.incidents.find(
        (i: { incident: { id: string } }) => i.incident.id === id,
      );
      return incidentWhen(row.date, row.incident, w);
    };
    // MakeShop's notice gives only the day the leak was stopped: the window's end.
    t.equal(when('makeshop-2014'), 'open → 2014-09-25');
    t.equal(when('makeshop-2014', ja), '開始日不明 → 2014-09-25');
    t.equal(when('matsui-scsk-2021'), 'announced 2021-03-24');
    t.equal(when('matsui-scsk-2021', ja), '2021-03-24 公表');
    t.equal(when('docomo-account-2020'), 'dates unknown');
    t.equal(when('colorme-2018'), '2018-01-07', 'the day the overview dates it by');
  },
);

t.test('an edge in the list says each of its states once', async (t) => {
  const { blastRadius } = await ask(BLAST_RADIUS, { incident: 'makeshop-2014' });
  const edges = byId(buildBlastGraph(blastRadius).edges);
  t.equal(edgeTags(edges.get('cotode--makeshop')!), 'confirmed, undisclosed');
  t.equal(edgeTags(edges.get('higashisonogi-town--cotode')!), 'stopped, out of window');
  const jaEdges = byId(buildBlastGraph(blastRadius, undefined, ja).edges);
  t.equal(edgeTags(jaEdges.get('cotode--makeshop')!, ja), '確定, 未開示');
});

t.test('ranks leave room for the widest edge label, so the boxes do not cut it', async (t) => {
  const chain = await ask(SUPPLY_CHAIN, { controller: 'takeo-city', asOf: '2014-09-01' });
  const graph = buildChainGraph(
    chain.supplyChain,
    chain.redelegationFindings,
    chain.certificationAlerts,
    null,
  );
  const label = byId(graph.edges).get('cotode--makeshop')!.label;
  t.equal(label, 'FORBIDDEN · UNDISCLOSED');
  // 23 characters at 12 px: about 150 px, where the ranks stood 110 px apart.
  t.ok(layoutFor(graph).rankSep >= 150 + 20, `rankSep ${layoutFor(graph).rankSep}`);
  const bare = { ...graph, edges: graph.edges.map((e) => ({ ...e, label: '' })) };
  t.equal(layoutFor(bare).rankSep, LAYOUT.rankSep, 'unlabelled edges keep the usual gap');
  const long = { ...graph, edges: [{ ...graph.edges[0]!, label: 'x'.repeat(400) }] };
  t.ok(layoutFor(long).rankSep <= 180 + 30, 'a label that wraps does not push the ranks apart');
});

t.test('a refused date is said in the page language, naming the field and the value', async (t) => {
  const { errors } = await gql(app, SUPPLY_CHAIN, { controller: 'takeo-city', asOf: '2014-02-31' });
  const message = errors?.[0]?.message ?? '';
  t.equal(
    refusedDate(message, en),
    'as of: "2014-02-31" is not a date like 2014-09-25 (year, month, day of the calendar)',
  );
  t.equal(
    refusedDate(message, ja),
    '基準日：「2014-02-31」は 2014-09-25 のような暦の日付ではありません',
  );
  const window = await gql(app, BLAST_RADIUS, { party: 'makeshop', to: '2014-9-1' });
  t.match(refusedDate(window.errors?.[0]?.message ?? '', ja), /^終了日（翌日）：「2014-9-1」/);
  t.equal(refusedDate('no party with id "x"', en), null, 'other errors keep their words');
});
