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
  /** A CONFIRMED path may pass here: `confirmed`, declared from below, and a confirmed hop. */
  confirmedStep: Uint8Array;
}

export function bestPaths(graph: StateGraph, leakRecords: number | undefined): BestPaths {
  const { states, next } = graph;
  const n = states.length;
  const best: BestPaths = {
    confirmed: new Uint8Array(n),
    aware: new Uint8Array(n),
    records: new Float64Array(n).fill(-Infinity),
    uncounted: new Uint8Array(n),
    confirmedStep: new Uint8Array(n),
  };
  // What each hop contributes, read from its link once: a state is taken again whenever a value
  // below it grows, and each read of a link object was a miss through cold memory at a hub.
  const hopConfirmed = new Uint8Array(n);
  const hopDisclosed = new Uint8Array(n);
  const declaredAbove = new Uint8Array(n);
  /** The hop's record count, NaN when unknown. */
  const hopRecords = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const state = states[s]!;
    const { e } = state;
    hopConfirmed[s] = confirmedHop(e) ? 1 : 0;
    hopDisclosed[s] = e.disclosed! ? 1 : 0;
    declaredAbove[s] = stepKind(state) === 'declared' ? 1 : 0;
    hopRecords[s] = e.records ?? NaN;
  }
  // States to take again, marked, and taken in their order in sweeps: states are made breadth
  // first, so most links point forward and a sweep takes a state after what grew below it. A
  // queue in the order offered took a hub's states again and again (twice the time).
  const dirty = new Uint8Array(n);
  let lowest = n;
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
    if (grew && !dirty[t]) {
      dirty[t] = 1;
      if (t < lowest) lowest = t;
    }
  };
  for (const s of graph.starts) {
    const known = [leakRecords, states[s]!.e.records].filter((r): r is number => r !== undefined);
    offer(
      s,
      hopConfirmed[s] === 1,
      hopDisclosed[s] === 1,
      known.length > 0 ? Math.min(...known) : -Infinity,
      known.length === 0,
    );
  }
  // Values only grow and are bounded, so the sweeps end, at the least fixpoint whatever the order.
  while (lowest < n) {
    const from = lowest;
    lowest = n;
    for (let s = from; s < n; s++) {
      if (dirty[s] === 0) continue;
      dirty[s] = 0;
      const declared = declaredAbove[s] === 1;
      for (let k = next.start[s]!; k < next.start[s + 1]!; k++) {
        const t = next.targets[k]!;
        const r = hopRecords[t]!;
        const unknown = Number.isNaN(r);
        offer(
          t,
          best.confirmed[s] === 1 && declared && hopConfirmed[t] === 1,
          best.aware[s] === 1 && hopDisclosed[t] === 1,
          unknown
            ? best.records[s]!
            : Math.max(Math.min(best.records[s]!, r), best.uncounted[s] ? r : -Infinity),
          best.uncounted[s] === 1 && unknown,
        );
      }
    }
  }
  for (let s = 0; s < n; s++)
    if (best.confirmed[s] === 1 && declaredAbove[s] === 1 && hopConfirmed[s] === 1)
      best.confirmedStep[s] = 1;
  return best;
}

/**
 * The states a path can reach only after an entrustment-level cycle might have been entered:
 * those of entrustments in a cycle or above one (what Kahn's algorithm over the entrustments the
 * states link leaves over). Every path to any other state passes each entrustment once, so paths
 * to them are counted over states, exactly; paths to these are found one by one.
 */
export function beyondCycles(graph: StateGraph): Uint8Array {
  // Numbered by the walk from 0 (metOf): a source's numbers for them run to the register's size.
  const { states, metOf, entrustmentsMet: count, next } = graph;
  // The states of each entrustment, and the edges between entrustments, each in two arrays
  // (state-graph.ts Adjacency): an array per entrustment was 260k of them at a hub.
  const { start: statesOf, list: byEntrustment } = groupByValue(Int32Array.from(metOf), count);
  // Edges between entrustments, each once: a stamp per target while one entrustment's are listed.
  const edgeStart = new Int32Array(count + 1);
  const edges: number[] = [];
  const stamp = new Int32Array(count).fill(-1);
  for (let a = 0; a < count; a++) {
    edgeStart[a] = edges.length;
    for (let i = statesOf[a]!; i < statesOf[a + 1]!; i++) {
      const s = byEntrustment[i]!;
      for (let k = next.start[s]!; k < next.start[s + 1]!; k++) {
        const b = metOf[next.targets[k]!]!;
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
  for (let s = 0; s < states.length; s++) if (incoming[metOf[s]!]! > 0) beyond[s] = 1;
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
