// The bench's summary: each measure on both stores, per size, with Neo4j / embedded as a ratio
// (above 1: Neo4j takes longer or holds more).
import { ANALYSIS_NAMES, type AnalysisName } from './analyses.js';

interface Latency {
  p50: number;
  p99: number;
  mean: number;
}

export interface Measured {
  store: 'embedded' | 'neo4j';
  parties: number;
  entrustments: number;
  importMs: number;
  /** A first load by neo4j-admin into an empty Neo4j, from the register's text to a store that answers. */
  bulkLoadMs: number | null;
  startMs: number;
  leaf: Latency;
  hub: Latency;
  /** Windows open at the start (…, 2015-07-01) and at both ends: what a leak of unknown start asks. */
  leafOpenStart: Latency;
  leafOpen: Latency;
  hubOpenStart: Latency;
  hubOpen: Latency;
  /** The same leaks, asking the exposed set only (no paths). */
  hubOpenSet: Latency;
  supplyChain: Latency;
  /** Each analysis of ./analyses.ts, asked of hubs and of leaves. */
  analyses: Record<AnalysisName, { hub: Latency; leaf: Latency }>;
  whole: { ms: number; top: number };
  onDate: { ms: number; top: number };
  again: { ms: number; top: number };
  /** This process's RSS, and Neo4j's JVM's when there is one, in bytes. */
  rss: number;
  /** The largest RSS the process measuring this store reached (one process per store and size). */
  peakRss: number;
  outside: number | null;
  /** The largest transaction memory seen during the import, where the store reports it, in bytes. */
  transactionPeak: number | null;
}

const importRate = (m: Measured) => m.entrustments / (m.importMs / 1000);

/** A row: its label, its value, how it is shown, and for a measure only Neo4j has, what its ratio is to. */
type Row = [
  string,
  (m: Measured) => number | null,
  (n: number) => string,
  ((embedded: Measured) => number)?,
];

const ROWS: Row[] = [
  ['import, entrustments/s', importRate, (n) => Math.round(n).toLocaleString('en')],
  // Only Neo4j has a bulk load: its ratio is to the embedded store's import.
  [
    'first load by neo4j-admin, entrustments/s',
    (m) => (m.bulkLoadMs === null ? null : m.entrustments / (m.bulkLoadMs / 1000)),
    (n) => Math.round(n).toLocaleString('en'),
    importRate,
  ],
  ['start-up, ms', (m) => m.startMs, (n) => n.toFixed(0)],
  ['blast radius leaf p50, ms', (m) => m.leaf.p50, (n) => n.toFixed(1)],
  ['blast radius leaf p99, ms', (m) => m.leaf.p99, (n) => n.toFixed(1)],
  ['blast radius hub p50, ms', (m) => m.hub.p50, (n) => n.toFixed(1)],
  ['blast radius hub p99, ms', (m) => m.hub.p99, (n) => n.toFixed(1)],
  ['leaf, window open at the start, p50 ms', (m) => m.leafOpenStart.p50, (n) => n.toFixed(1)],
  ['leaf, window open at both ends, p50 ms', (m) => m.leafOpen.p50, (n) => n.toFixed(1)],
  ['hub, window open at the start, p50 ms', (m) => m.hubOpenStart.p50, (n) => n.toFixed(1)],
  ['hub, window open at both ends, p50 ms', (m) => m.hubOpen.p50, (n) => n.toFixed(1)],
  ['hub, open at both ends, set only, p50 ms', (m) => m.hubOpenSet.p50, (n) => n.toFixed(1)],
  ['hub, open at both ends, controllers', (m) => m.hubOpen.mean, (n) => n.toFixed(0)],
  ['supply chain p50, ms', (m) => m.supplyChain.p50, (n) => n.toFixed(1)],
  ...ANALYSIS_NAMES.flatMap((name) =>
    (['hub', 'leaf'] as const).map((at): Row => [
      `${name} of a ${at}, p50 ms`,
      (m) => m.analyses[name][at].p50,
      (n) => n.toFixed(1),
    ]),
  ),
  ['concentration, whole graph, s', (m) => m.whole.ms / 1000, (n) => n.toFixed(2)],
  ['concentration as of a date, s', (m) => m.onDate.ms / 1000, (n) => n.toFixed(2)],
  ['peak RSS of node, MiB', (m) => m.peakRss / 1024 / 1024, (n) => n.toFixed(0)],
  [
    'memory (node + JVM), MiB',
    (m) => (m.rss + (m.outside ?? 0)) / 1024 / 1024,
    (n) => n.toFixed(0),
  ],
];

export function comparisonTable(all: Measured[]): string {
  const sizes = [...new Set(all.map((m) => m.parties))];
  const find = (parties: number, store: Measured['store']) =>
    all.find((m) => m.parties === parties && m.store === store);
  const head = [
    '',
    ...sizes.flatMap((s) => [`embedded ${s / 1000}k`, `neo4j ${s / 1000}k`, 'ratio']),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [label, value, show, ratioTo] of ROWS) {
    const cells = sizes.flatMap((s) => {
      const e = find(s, 'embedded');
      const n = find(s, 'neo4j');
      const ev = e && !ratioTo ? value(e) : null;
      const nv = n ? value(n) : null;
      const base = e ? (ratioTo ?? value)(e) : null;
      return [
        ev === null ? '—' : show(ev),
        nv === null ? '—' : show(nv),
        base && nv ? `${(nv / base).toFixed(1)}×` : '—',
      ];
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Measures that are the size of an answer: the same register asks the same, whatever the store. */
const ANSWERS: [string, (m: Measured) => number][] = [
  ['leaf leak, controllers', (m) => m.leaf.mean],
  ['hub leak, controllers', (m) => m.hub.mean],
  ['leaf, window open at the start, controllers', (m) => m.leafOpenStart.mean],
  ['leaf, window open at both ends, controllers', (m) => m.leafOpen.mean],
  ['hub, window open at the start, controllers', (m) => m.hubOpenStart.mean],
  ['hub, open at both ends, controllers', (m) => m.hubOpen.mean],
  ['hub, open at both ends, set only, controllers', (m) => m.hubOpenSet.mean],
  ['supply chain as of a date, members', (m) => m.supplyChain.mean],
  ...ANALYSIS_NAMES.flatMap((name): [string, (m: Measured) => number][] => [
    [`${name} of a hub, answer size`, (m) => m.analyses[name].hub.mean],
    [`${name} of a leaf, answer size`, (m) => m.analyses[name].leaf.mean],
  ]),
  ['concentration, whole graph, first party', (m) => m.whole.top],
  ['concentration as of a date, first party', (m) => m.onDate.top],
];

/**
 * Where the stores answered the same questions differently (a bench is also the largest
 * differential check the stores get): one line per answer, empty when they agree.
 */
export function differingAnswers(all: Measured[]): string[] {
  const differ: string[] = [];
  for (const e of all.filter((m) => m.store === 'embedded')) {
    const n = all.find((m) => m.store === 'neo4j' && m.parties === e.parties);
    if (!n) continue;
    for (const [label, size] of ANSWERS)
      if (Math.abs(size(e) - size(n)) > 1e-9)
        differ.push(`${e.parties} parties, ${label}: embedded ${size(e)}, neo4j ${size(n)}`);
  }
  return differ;
}
