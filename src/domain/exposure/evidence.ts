import { byLocale } from '../locale-order.js';
import { groupByValue } from '../graph/link-graph.js';
import type { BestPaths } from './reach.js';
import type { Adjacency, StateGraph } from './state-graph.js';

/** A path as states, controller first, leak last. */
export type StatePath = number[];

export interface Found {
  paths: StatePath[];
  /** True when every path there is was found (the search ran out of paths, not of budget). */
  complete: boolean;
  /** Partial paths the search made. */
  spent: number;
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
 * With `confirmedOnly` (reach.ts BestPaths), only paths of declared links and confirmed hops.
 * Stops once `want` paths are found and no other of the same length remains, or after `budget`
 * partial paths.
 */
export function findPaths(
  graph: StateGraph,
  preds: Adjacency,
  ends: readonly number[],
  options: {
    want: number;
    budget: number;
    confirmedOnly: BestPaths | null;
    /** An entrustment no path may pass, by its number (StateGraph.entrustmentOf). */
    avoid?: number;
  },
): Found {
  const { states, entrustmentOf, depthOf } = graph;
  const starts = startsOf(graph);
  // Only states some CONFIRMED path reaches (reach.ts): then every partial path completes.
  const confirmed = options.confirmedOnly;
  const avoid = options.avoid ?? -1;
  const partials = new Partials();
  const heap = new MinHeap(partials.bound);
  for (const s of ends) {
    if (entrustmentOf[s] === avoid) continue;
    if (confirmed && (states[s]!.ends !== 'declared' || confirmed.confirmed[s] !== 1)) continue;
    heap.push(partials.add(s, -1, 1, depthOf[s]!));
  }
  const paths: StatePath[] = [];
  let spent = 0;
  for (let p = heap.pop(); p >= 0; p = heap.pop()) {
    const length = partials.length[p]!;
    if (paths.length >= options.want && partials.bound[p]! > paths[paths.length - 1]!.length)
      return { paths: byLengthThenIds(graph, paths), complete: false, spent };
    if (++spent > options.budget)
      return { paths: byLengthThenIds(graph, paths), complete: false, spent };
    const s = partials.state[p]!;
    if (starts[s] === 1) paths.push(partials.statesOf(p));
    for (let k = preds.start[s]!; k < preds.start[s + 1]!; k++) {
      const q = preds.targets[k]!;
      if (entrustmentOf[q] === avoid) continue;
      if (confirmed && confirmed.confirmedStep[q] !== 1) continue;
      if (partials.passes(p, entrustmentOf[q]!, entrustmentOf)) continue;
      heap.push(partials.add(q, p, length + 1, length + depthOf[q]!));
    }
  }
  return { paths: byLengthThenIds(graph, paths), complete: true, spent };
}

/**
 * One search's partial paths, by number, field by field: a hub's checks make 100k of them, and
 * an object each (with the heap's comparisons through them) was most of the search's time.
 */
class Partials {
  /** The state each partial path reached last (the one furthest from the controller). */
  readonly state: number[] = [];
  /** The partial path it extends, or -1 at the controller. */
  readonly below: number[] = [];
  readonly length: number[] = [];
  /** Hops on the shortest possible completion: the order the search takes partials in. */
  readonly bound: number[] = [];

  add(s: number, below: number, length: number, bound: number): number {
    this.state.push(s);
    this.below.push(below);
    this.length.push(length);
    this.bound.push(bound);
    return this.state.length - 1;
  }

  /** Whether the entrustment numbered `n` (StateGraph.entrustmentOf) is on partial path `p`. */
  passes(p: number, n: number, entrustmentOf: readonly number[]): boolean {
    for (let k = p; k >= 0; k = this.below[k]!)
      if (entrustmentOf[this.state[k]!] === n) return true;
    return false;
  }

  /** The states of partial path `p`, controller first (StatePath). */
  statesOf(p: number): StatePath {
    const out: StatePath = [];
    for (let k = p; k >= 0; k = this.below[k]!) out.push(this.state[k]!);
    return out.reverse();
  }
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

function byLengthThenIds(graph: StateGraph, paths: StatePath[]): StatePath[] {
  // Each key once: a sort compares a path many times, and hundreds of paths may be listed.
  const keyed = paths.map((path) => ({
    path,
    key: path.map((s) => graph.states[s]!.e.id).join('/'),
  }));
  keyed.sort((a, b) => a.path.length - b.path.length || byLocale(a.key, b.key));
  return keyed.map((k) => k.path);
}

/**
 * A binary heap of numbers, least key first; ties leave in no particular order (paths of one
 * length are sorted after).
 */
class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: readonly number[]) {}

  push(item: number): void {
    const { items, key } = this;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (key[items[i]!]! - key[items[parent]!]! >= 0) break;
      swap(items, i, parent);
      i = parent;
    }
  }

  /** The least, or -1 when empty. */
  pop(): number {
    const { items, key } = this;
    if (items.length === 0) return -1;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && key[items[l]!]! - key[items[m]!]! < 0) m = l;
        if (r < items.length && key[items[r]!]! - key[items[m]!]! < 0) m = r;
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
function swap(items: number[], i: number, j: number): void {
  const t = items[i]!;
  items[i] = items[j]!;
  items[j] = t;
}
