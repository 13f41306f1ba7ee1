import { asSet, intersect, overlaps, type CategorySet } from '../categories.js';
import { describeMiss, intersects } from '../dates.js';
import type { Leak } from '../leak.js';
import { ownData, type LinkKind } from '../links.js';
import { walkAtOnce, type ReadSoFar, type Wanted } from './rounds.js';
import type { UpstreamSource, WalkLink } from './walk-link.js';

export type { UpstreamSource } from './walk-link.js';

export type MissReason = 'OUT_OF_WINDOW' | 'NO_COMMON_DATA' | 'CYCLE';

/**
 * One entrustment reached with one set of exposed data. Every path that reaches an entrustment
 * with the same data continues alike, so a state stands for all of them at once: the graph of
 * states grows with the entrustments (times the distinct data sets), never with the paths.
 */
export interface State {
  e: WalkLink;
  /** Leak ∩ every hop below, this one included; null when no hop and no leak names any. */
  data: CategorySet;
  /** Hops on the shortest path from the leak to here, this one included (1 at the leak). */
  depth: number;
  /** The state this one was first reached from (-1 at the leak): its shortest path. */
  parent: number;
  /** False when that path passes an entrustment twice (it closed a cycle on the way). */
  simple: boolean;
  /** States reached from here: the hops that perform this one. */
  next: number[];
  /** Set when the path ends here: how the client's own data is established. */
  ends: LinkKind | null;
  /** True when `ends` does not depend on the data (own data, or nothing goes into the client). */
  endsWhateverData: boolean;
}

export interface Miss {
  entrustment: WalkLink;
  link: LinkKind;
  reason: MissReason;
  /** Worded when shown: a hub's open window stops hundreds of thousands of hops, few are listed. */
  detail: () => string;
  /** The state the stopped hop was reached from (-1: at the leak). */
  below: number;
  /** The path to `below` (states, `below` first), when it is not `below`'s shortest path. */
  path?: number[];
}

/**
 * A hop that stopped a walk whose path to `below` may not be simple: the stop is a miss of the
 * register only if some path passing each entrustment once reaches `below` without `avoid`
 * (simple-paths.ts searches for one).
 */
export interface UnverifiedMiss {
  entrustment: WalkLink;
  link: LinkKind;
  reason: Exclude<MissReason, 'CYCLE'>;
  detail: () => string;
  below: number;
}

export interface StateGraph {
  states: State[];
  /** States of the entrustments into the leaking party. */
  starts: number[];
  /** Each hop that stopped a path, once per reason, in the order the walk met them. */
  misses: Miss[];
  /** Stops met only beyond a closed cycle on the shortest path, to be verified. */
  unverified: UnverifiedMiss[];
}

/** How the hops above a state perform it: named in its `under`, or inferred. */
export const stepKind = (s: State): LinkKind => (s.e.under === undefined ? 'inferred' : 'declared');

/**
 * Every state reachable from the leak, breadth first, following declared `under` links and
 * inferring the others exactly as register-format.md describes (and as the path walk did).
 * `source` answers for every entrustment the walk can meet (read in rounds, or a
 * store's local reader: UpstreamSource).
 */
export function buildStateGraph(leak: Leak, source: UpstreamSource): StateGraph {
  return walkAtOnce(stateGraphSteps(leak, source));
}

/**
 * buildStateGraph as a walk that pauses where `source` is a ReadSoFar lacking what the next
 * state needs (exposure/rounds.ts), asking for what every state waiting to be expanded needs,
 * and goes on once it is read: the same states in the same order as over a complete source.
 */
export function* stateGraphSteps(
  leak: Leak,
  source: UpstreamSource | ReadSoFar,
): Generator<Wanted, StateGraph, void> {
  const partial = 'hasInto' in source ? source : null;
  const links = { get: (id: string) => source.get(id) };
  const into = { get: (party: string) => source.into(party) };
  // What goes into a client, in the window and outside it: asked once per client, not per state.
  const splits = new Map<string, { candidates: WalkLink[]; outside: WalkLink[] }>();
  const split = (client: string) => {
    let found = splits.get(client);
    if (found === undefined) {
      const all = into.get(client);
      found = {
        candidates: all.filter((c) => intersects(c, leak.window)),
        outside: all.filter((c) => !intersects(c, leak.window)),
      };
      splits.set(client, found);
    }
    return found;
  };
  const states: State[] = [];
  // Data sets are few and repeat on every path: each is numbered once (by its keys), each
  // intersection computed once, and a state is found by its data's number and its entrustment.
  const dataIds = new Map<string, number>();
  const ofLinkData = new Map<readonly string[], number>();
  const dataIdOf = (data: CategorySet): number => {
    const key = data === null ? '*' : data.join('\u0001');
    let id = dataIds.get(key);
    if (id === undefined) dataIds.set(key, (id = dataIds.size));
    return id;
  };
  const linkDataId = (data: readonly string[]): number => {
    let id = ofLinkData.get(data);
    if (id === undefined) ofLinkData.set(data, (id = dataIdOf(asSet(data))));
    return id;
  };
  const leakDataId = -1;
  const stateData: number[] = [];
  const intersections = new Map<number, Map<number, { data: CategorySet; id: number }>>();
  const intersection = (belowId: number, below: CategorySet, data: readonly string[]) => {
    let byLink = intersections.get(belowId);
    if (byLink === undefined) intersections.set(belowId, (byLink = new Map()));
    const linkId = linkDataId(data);
    let result = byLink.get(linkId);
    if (result === undefined) {
      const set = intersect(below, asSet(data));
      byLink.set(linkId, (result = { data: set, id: dataIdOf(set) }));
    }
    return result;
  };
  const index = new Map<number, Map<string, number>>();
  const misses: Miss[] = [];
  const missed: Record<MissReason, Set<string>> = {
    OUT_OF_WINDOW: new Set(),
    NO_COMMON_DATA: new Set(),
    CYCLE: new Set(),
  };
  const unverified = new Map<string, UnverifiedMiss>();

  const miss = (
    e: WalkLink,
    link: LinkKind,
    reason: MissReason,
    detail: () => string,
    below: number,
    cycleBelow: boolean,
  ) => {
    if (missed[reason].has(e.id)) return;
    // A shortest path that closed a cycle, or passes `e` itself, is not a path of the register;
    // another path to the same state may be (simple-paths.ts looks for one).
    if (below >= 0 && (!states[below]!.simple || cycleBelow)) {
      const key = `${e.id}|${reason}|${below}`;
      if (reason !== 'CYCLE' && !unverified.has(key))
        unverified.set(key, { entrustment: e, link, reason, detail, below });
      return;
    }
    missed[reason].add(e.id);
    misses.push({ entrustment: e, link, reason, detail, below });
  };
  const onShortestPath = (s: number, id: string): boolean => {
    for (let k = s; k >= 0; k = states[k]!.parent) if (states[k]!.e.id === id) return true;
    return false;
  };
  /** The state `e` is reached in from `below`, or -1 (and why) when the path stops at it. */
  const reach = (below: number, e: WalkLink, link: LinkKind): number => {
    const belowData = below < 0 ? leak.data : states[below]!.data;
    const cycle = below >= 0 && onShortestPath(below, e.id);
    // Told from the shortest path to `below`: other paths to it may close other cycles, which
    // this answer does not list (the set of controllers does not depend on them).
    if (cycle) miss(e, link, 'CYCLE', () => `${e.id} is already on this path`, below, false);
    if (!intersects(e, leak.window)) {
      miss(e, link, 'OUT_OF_WINDOW', () => describeMiss(e, leak.window), below, cycle);
      return -1;
    }
    const { data, id: dataId } = intersection(
      below < 0 ? leakDataId : stateData[below]!,
      belowData,
      e.data,
    );
    if (data !== null && data.length === 0) {
      miss(
        e,
        link,
        'NO_COMMON_DATA',
        () => `carries ${e.data.join(', ')}; nothing in common with ${belowData?.join(', ')}`,
        below,
        cycle,
      );
      return -1;
    }
    // A cycle on the shortest path still links the states: other paths may reach `below`
    // without passing through `e`. Path evidence (evidence.ts) keeps every path simple.
    let byId = index.get(dataId);
    if (byId === undefined) index.set(dataId, (byId = new Map()));
    let s = byId.get(e.id);
    if (s === undefined) {
      byId.set(e.id, (s = states.length));
      stateData.push(dataId);
      const depth = below < 0 ? 1 : states[below]!.depth + 1;
      const simple = below < 0 || (states[below]!.simple && !cycle);
      states.push({
        e,
        data,
        depth,
        parent: below,
        simple,
        next: [],
        ends: null,
        endsWhateverData: false,
      });
    }
    return s;
  };
  // Links from one state are all made while it is expanded: a stamp per target dedupes them.
  const linkedFrom: number[] = [];
  const link = (from: number, to: number) => {
    if (to < 0 || linkedFrom[to] === from) return;
    linkedFrom[to] = from;
    states[from]!.next.push(to);
  };

  // What a state's expansion reads and `partial` has not read (nothing where it holds its own
  // data), added to `wanted` when given. Asked of every state: the sets are made only on a miss.
  const lacking = (s: number, wanted?: Wanted): boolean => {
    const { e } = states[s]!;
    if (ownData(e)) return false;
    if (!e.under) {
      if (partial!.hasInto(e.client)) return false;
      wanted?.parties.add(e.client);
      return true;
    }
    let lacks = false;
    for (const id of e.under)
      if (!partial!.has(id)) {
        wanted?.ids.add(id);
        lacks = true;
      }
    return lacks;
  };
  const wantedFrom = (s: number): Wanted | null => {
    if (!lacking(s)) return null;
    const wanted: Wanted = { parties: new Set(), ids: new Set() };
    for (let k = s; k < states.length; k++) lacking(k, wanted);
    return wanted;
  };

  if (partial && !partial.hasInto(leak.party))
    yield { parties: new Set([leak.party]), ids: new Set() };
  const starts: number[] = [];
  for (const e of into.get(leak.party) ?? []) {
    const s = reach(-1, e, 'declared');
    if (s >= 0 && !starts.includes(s)) starts.push(s);
  }
  for (let s = 0; s < states.length; s++) {
    if (partial) {
      const wanted = wantedFrom(s);
      if (wanted) yield wanted;
    }
    const state = states[s]!;
    const { e } = state;
    if (ownData(e)) {
      [state.ends, state.endsWhateverData] = ['declared', true];
      continue;
    }
    if (e.under) {
      for (const id of e.under) {
        const u = links.get(id);
        if (u) link(s, reach(s, u, 'declared'));
      }
      continue;
    }
    // Every period, not only the window: a candidate an inferred step drops for its dates is the
    // answer to "why not us?" for its client, as a declared link in its place would be.
    const { candidates, outside } = split(e.client);
    for (const c of outside) reach(s, c, 'inferred');
    if (candidates.length === 0) {
      [state.ends, state.endsWhateverData] = ['declared', true];
      continue;
    }
    if (!candidates.some((c) => overlaps(state.data, asSet(c.data)))) {
      // Nothing that goes into the client has data in common: its own data, by inference.
      for (const c of candidates) reach(s, c, 'inferred');
      state.ends = 'inferred';
      continue;
    }
    for (const c of candidates) link(s, reach(s, c, 'inferred'));
  }
  return { states, starts, misses, unverified: [...unverified.values()] };
}

/** The entrustments of a state's shortest path, from the state down to the leak. */
export function shortestHops(graph: StateGraph, s: number): WalkLink[] {
  const hops: WalkLink[] = [];
  for (let k = s; k >= 0; k = graph.states[k]!.parent) hops.push(graph.states[k]!.e);
  return hops;
}
