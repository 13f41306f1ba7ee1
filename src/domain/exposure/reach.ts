import { groupByValue } from '../graph/link-graph.js';
import { stepKind, type StateGraph } from './state-graph.js';
import type { WalkLink } from './walk-link.js';

/** A hop that can be part of a CONFIRMED path: stated (not alleged or inferred), with its data. */
export const confirmedHop = (e: WalkLink): boolean =>
  (e.confidence === 'confirmed' || e.confidence === 'reported') && e.data.length > 0;

/**
 * For each state, the best any path from the leak to it achieves, found by a fixpoint over the
 * states (values only grow, so it ends): a path's exposure, awareness and record estimate are
 * each decided hop by hop, and a controller's answer is the best over its paths.
 */
export interface BestPaths {
  /** Some path here has only declared links and confirmed hops. */
  confirmed: Uint8Array;
  /** Some path here has only disclosed hops. */
  aware: Uint8Array;
  /** Largest over paths of the smallest known record count on it (-Infinity: none known). */
  records: Float64Array;
  /** Some path here knows no record count at all (leak included). */
  uncounted: Uint8Array;
}

export function bestPaths(graph: StateGraph, leakRecords: number | undefined): BestPaths {
  const n = graph.states.length;
  const best: BestPaths = {
    confirmed: new Uint8Array(n),
    aware: new Uint8Array(n),
    records: new Float64Array(n).fill(-Infinity),
    uncounted: new Uint8Array(n),
  };
  const { next } = graph;
  const queued = new Uint8Array(n);
  const queue: number[] = [];
  const offer = (t: number, confirmed: boolean, aware: boolean, records: number, none: boolean) => {
    // Assignments one by one: a destructuring assignment made an array on each offer.
    let grew = false;
    if (confirmed && !best.confirmed[t]) {
      best.confirmed[t] = 1;
      grew = true;
    }
    if (aware && !best.aware[t]) {
      best.aware[t] = 1;
      grew = true;
    }
    if (records > best.records[t]!) {
      best.records[t] = records;
      grew = true;
    }
    if (none && !best.uncounted[t]) {
      best.uncounted[t] = 1;
      grew = true;
    }
    if (grew && !queued[t]) {
      queue.push(t);
      queued[t] = 1;
    }
  };
  for (const s of graph.starts) {
    const { e } = graph.states[s]!;
    const known = [leakRecords, e.records].filter((r): r is number => r !== undefined);
    offer(
      s,
      confirmedHop(e),
      e.disclosed!,
      known.length > 0 ? Math.min(...known) : -Infinity,
      known.length === 0,
    );
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    queued[s] = 0;
    const from = graph.states[s]!;
    const declared = stepKind(from) === 'declared';
    for (let k = next.start[s]!; k < next.start[s + 1]!; k++) {
      const t = next.targets[k]!;
      const { e } = graph.states[t]!;
      const r = e.records;
      offer(
        t,
        best.confirmed[s] === 1 && declared && confirmedHop(e),
        best.aware[s] === 1 && e.disclosed!,
        r === undefined
          ? best.records[s]!
          : Math.max(Math.min(best.records[s]!, r), best.uncounted[s] ? r : -Infinity),
        best.uncounted[s] === 1 && r === undefined,
      );
    }
  }
  return best;
}

/**
 * The states a path can reach only after an entrustment-level cycle might have been entered:
 * those of entrustments in a cycle or above one (what Kahn's algorithm over the entrustments the
 * states link leaves over). Every path to any other state passes each entrustment once, so paths
 * to them are counted over states, exactly; paths to these are found one by one.
 */
export function beyondCycles(graph: StateGraph): Uint8Array {
  const { states, entrustmentOf, next } = graph;
  // The entrustments of states, numbered again from 0 (a source's numbers may run far beyond).
  let largest = -1;
  for (const n of entrustmentOf) if (n > largest) largest = n;
  const renumbered = new Int32Array(largest + 1).fill(-1);
  const of = new Int32Array(states.length);
  let count = 0;
  for (let s = 0; s < states.length; s++) {
    const n = entrustmentOf[s]!;
    if (renumbered[n]! < 0) renumbered[n] = count++;
    of[s] = renumbered[n]!;
  }
  // The states of each entrustment, and the edges between entrustments, each in two arrays
  // (state-graph.ts Adjacency): an array per entrustment was 260k of them at a hub.
  const { start: statesOf, list: byEntrustment } = groupByValue(of, count);
  // Edges between entrustments, each once: a stamp per target while one entrustment's are listed.
  const edgeStart = new Int32Array(count + 1);
  const edges: number[] = [];
  const stamp = new Int32Array(count).fill(-1);
  for (let a = 0; a < count; a++) {
    edgeStart[a] = edges.length;
    for (let i = statesOf[a]!; i < statesOf[a + 1]!; i++) {
      const s = byEntrustment[i]!;
      for (let k = next.start[s]!; k < next.start[s + 1]!; k++) {
        const b = of[next.targets[k]!]!;
        if (stamp[b] !== a) {
          stamp[b] = a;
          edges.push(b);
        }
      }
    }
  }
  edgeStart[count] = edges.length;
  const incoming = new Int32Array(count);
  for (const b of edges) incoming[b]! += 1;
  const ready: number[] = [];
  for (let a = 0; a < count; a++) if (incoming[a] === 0) ready.push(a);
  while (ready.length > 0) {
    const a = ready.pop()!;
    for (let k = edgeStart[a]!; k < edgeStart[a + 1]!; k++)
      if (--incoming[edges[k]!]! === 0) ready.push(edges[k]!);
  }
  const beyond = new Uint8Array(states.length);
  for (let s = 0; s < states.length; s++) if (incoming[of[s]!]! > 0) beyond[s] = 1;
  return beyond;
}

/**
 * Paths from the leak to each state, counted over an acyclic graph of states (paths multiply,
 * states do not: issue 10's ladder has 2^120 of them). Counts saturate at Infinity past 2^1023.
 */
export function pathCounts(graph: StateGraph): Float64Array {
  const n = graph.states.length;
  const counts = new Float64Array(n);
  const incoming = new Int32Array(n);
  const { next } = graph;
  for (const t of next.targets) incoming[t]! += 1;
  const ready: number[] = [];
  for (let s = 0; s < n; s++) if (incoming[s] === 0) ready.push(s);
  for (const s of graph.starts) counts[s]! += 1;
  while (ready.length > 0) {
    const s = ready.pop()!;
    for (let k = next.start[s]!; k < next.start[s + 1]!; k++) {
      const t = next.targets[k]!;
      counts[t]! += counts[s]!;
      if (--incoming[t]! === 0) ready.push(t);
    }
  }
  return counts;
}
