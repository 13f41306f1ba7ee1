import { byLocale } from '../locale-order.js';
import { groupByValue } from '../graph/link-graph.js';
import { confirmedHop } from './reach.js';
import { stepKind, type Adjacency, type StateGraph } from './state-graph.js';

/** A path as states, controller first, leak last. */
export type StatePath = number[];

export interface Found {
  paths: StatePath[];
  /** True when every path there is was found (the search ran out of paths, not of budget). */
  complete: boolean;
  /** Partial paths the search made. */
  spent: number;
}

interface Partial {
  s: number;
  below: Partial | null;
  length: number;
  /** Hops on the shortest possible completion: the order the search takes partials in. */
  bound: number;
}

/**
 * The states that link to each state, each state's in the order of the states they come from:
 * the search walks from a controller down to the leak.
 */
export function predecessors(graph: StateGraph): Adjacency {
  const { start, targets } = graph.next;
  const n = graph.states.length;
  // Edges grouped by target keep their order, which is their sources' (state-graph.ts links each
  // state's edges in turn).
  const { start: into, list: edges } = groupByValue(targets, n);
  const sourceOf = new Int32Array(targets.length);
  for (let s = 0; s < n; s++) sourceOf.fill(s, start[s], start[s + 1]);
  return { start: into, targets: edges.map((k) => sourceOf[k]!) };
}

/**
 * Paths from the leak to `ends`, shortest first, each entrustment at most once on a path (a
 * best-first search whose bound is a state's depth: exact, as depth is the shortest way down).
 * With `confirmedOnly` (BestPaths.confirmed), only paths of declared links and confirmed hops. Stops once `want` paths
 * are found and no other of the same length remains, or after `budget` partial paths.
 */
export function findPaths(
  graph: StateGraph,
  preds: Adjacency,
  ends: readonly number[],
  options: {
    want: number;
    budget: number;
    confirmedOnly: Uint8Array | null;
    /** An entrustment no path may pass. */
    avoid?: string;
  },
): Found {
  const { states } = graph;
  const starts = startsOf(graph);
  // Only states some CONFIRMED path reaches (reach.ts): then every partial path completes.
  const confirmed = options.confirmedOnly;
  const allowed = (s: number) =>
    states[s]!.e.id !== options.avoid &&
    (confirmed === null ||
      (confirmed[s] === 1 && stepKind(states[s]!) === 'declared' && confirmedHop(states[s]!.e)));
  const heap = new MinHeap<Partial>((a, b) => a.bound - b.bound);
  for (const s of ends) {
    const top = states[s]!;
    if (top.e.id === options.avoid) continue;
    if (confirmed && (top.ends !== 'declared' || confirmed[s] !== 1)) continue;
    heap.push({ s, below: null, length: 1, bound: top.depth });
  }
  const paths: StatePath[] = [];
  let spent = 0;
  for (let p = heap.pop(); p !== undefined; p = heap.pop()) {
    if (paths.length >= options.want && p.bound > paths[paths.length - 1]!.length)
      return { paths: byLengthThenIds(graph, paths), complete: false, spent };
    if (++spent > options.budget)
      return { paths: byLengthThenIds(graph, paths), complete: false, spent };
    if (starts[p.s] === 1) paths.push(statesOf(p));
    for (let k = preds.start[p.s]!; k < preds.start[p.s + 1]!; k++) {
      const q = preds.targets[k]!;
      if (!allowed(q) || onPartial(graph, p, graph.entrustmentOf[q]!)) continue;
      heap.push({ s: q, below: p, length: p.length + 1, bound: p.length + states[q]!.depth });
    }
  }
  return { paths: byLengthThenIds(graph, paths), complete: true, spent };
}

// A search runs per controller and per check, and a hub's leak starts at thousands of states:
// which states are starts is marked once per graph, not once per search.
const startMarks = new WeakMap<StateGraph, Uint8Array>();
function startsOf(graph: StateGraph): Uint8Array {
  let marks = startMarks.get(graph);
  if (marks === undefined || marks.length < graph.states.length) {
    marks = new Uint8Array(graph.states.length);
    for (const s of graph.starts) marks[s] = 1;
    startMarks.set(graph, marks);
  }
  return marks;
}

/** Whether the entrustment numbered `n` (StateGraph.entrustmentOf) is on the partial path. */
function onPartial(graph: StateGraph, p: Partial, n: number): boolean {
  for (let k: Partial | null = p; k !== null; k = k.below)
    if (graph.entrustmentOf[k.s] === n) return true;
  return false;
}

function statesOf(p: Partial): StatePath {
  const out: StatePath = [];
  for (let k: Partial | null = p; k !== null; k = k.below) out.push(k.s);
  return out.reverse();
}

function byLengthThenIds(graph: StateGraph, paths: StatePath[]): StatePath[] {
  // Each key once: a sort compares a path many times, and hundreds of paths may be listed.
  const keyed = paths.map((path) => ({
    path,
    key: path.map((s) => graph.states[s]!.e.id).join('/'),
  }));
  keyed.sort((a, b) => a.path.length - b.path.length || byLocale(a.key, b.key));
  return keyed.map((k) => k.path);
}

/** A binary heap; ties leave in no particular order (paths of one length are sorted after). */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.before(items[i]!, items[parent]!) >= 0) break;
      swap(items, i, parent);
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.before(items[l]!, items[m]!) < 0) m = l;
        if (r < items.length && this.before(items[r]!, items[m]!) < 0) m = r;
        if (m === i) break;
        swap(items, i, m);
        i = m;
      }
    }
    return top;
  }
}

// Not a destructuring swap: V8 made an array for each of those, a third of a hub's allocations
// in its answer's checks.
function swap<T>(items: T[], i: number, j: number): void {
  const t = items[i]!;
  items[i] = items[j]!;
  items[j] = t;
}
