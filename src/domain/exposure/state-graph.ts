import { asSet, intersect, type CategorySet } from '../categories.js';
import { describeMiss, intersects } from '../dates.js';
import type { Leak } from '../leak.js';
import { groupByValue } from '../graph/link-graph.js';
import { ownData, type LinkKind } from '../links.js';
import { walkAtOnce, type ReadSoFar, type Wanted } from './rounds.js';
import { placeOf, type UpstreamSource, type WalkLink } from './walk-link.js';
import { widened } from '../int-list.js';
import { borrowScratch, giveBack } from './walk-scratch.js';

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
  /**
   * False when its shortest path (StateGraph.parentOf) passes an entrustment twice (it closed a
   * cycle on the way).
   */
  simple: boolean;
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
  detail(): string;
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
  /** The entrustment's number (StateGraph.entrustmentOf). */
  number: number;
  link: LinkKind;
  reason: Exclude<MissReason, 'CYCLE'>;
  detail: () => string;
  below: number;
}

/**
 * Edges by state in two arrays: those of state s are `targets[start[s]]` up to
 * `targets[start[s + 1]]`. An array per state was two allocations for each of a hub's 150k states
 * (and as many again for predecessors), a third of the collector's work on a hub's answer.
 */
export interface Adjacency {
  start: Int32Array;
  targets: Int32Array;
}

export interface StateGraph {
  states: State[];
  /** The states reached from each: the hops that perform its entrustment. */
  next: Adjacency;
  /** Each state's entrustment, by a number of its own (the source's place for it, or the walk's). */
  entrustmentOf: readonly number[];
  /**
   * Each state's entrustment numbered again, 0 up, in the order the walk first met them:
   * `entrustmentOf`'s numbers may run to the register's size, these to `entrustmentsMet`.
   */
  metOf: readonly number[];
  entrustmentsMet: number;
  /**
   * By state, in arrays beside `states` (read on every step of a walk down a path, without
   * reaching the state): the state it was first reached from (-1 at the leak), its shortest
   * path; and the hops on that path, this one included (1 at the leak).
   */
  parentOf: readonly number[];
  depthOf: readonly number[];
  /** States of the entrustments into the leaking party. */
  starts: number[];
  /** Whether some entrustment, of any period, goes to the leaking party: the register holds it. */
  leakIsContractor: boolean;
  /** Each hop that stopped a path, once per reason: counted, and the first of each kind kept. */
  misses: StopsMet;
  /** Stops met only beyond a closed cycle on the shortest path, to be verified. */
  unverified: UnverifiedMiss[];
  /**
   * The states where paths end, by their client (the controller), parties in the order their
   * first end was met: `parties[c]`'s are `list[start[c]]` up to `list[start[c + 1]]`, in order.
   */
  endsByParty: { parties: string[]; start: Int32Array; list: Int32Array };
  /** Whether an entrustment (by number) is in `misses` for a reason. */
  stoppedFor(number: number, reason: MissReason): boolean;
}

const REASON_BITS: Record<MissReason, number> = { OUT_OF_WINDOW: 1, NO_COMMON_DATA: 2, CYCLE: 4 };

/** Why a hop stopped a path, in words. */
function wordStop(
  reason: MissReason,
  e: WalkLink,
  belowData: CategorySet,
  window: Leak['window'],
): string {
  switch (reason) {
    case 'CYCLE':
      return `${e.id} is already on this path`;
    case 'OUT_OF_WINDOW':
      return describeMiss(e, window);
    case 'NO_COMMON_DATA':
      return `carries ${e.data.join(', ')}; nothing in common with ${belowData?.join(', ')}`;
  }
}

/**
 * A stop as the walk met it, worded when shown: a hub's open window meets hundreds of thousands,
 * and a closure for each (with its context, made on every step) was kept until the answer ended.
 */
class StopMet implements Miss {
  constructor(
    readonly entrustment: WalkLink,
    readonly link: LinkKind,
    readonly reason: MissReason,
    readonly below: number,
    private readonly belowData: CategorySet,
    private readonly window: Leak['window'],
  ) {}

  detail(): string {
    return wordStop(this.reason, this.entrustment, this.belowData, this.window);
  }
}

/**
 * The stops a walk met: how many, and the first `keep` of each kind (declared, inferred) in the
 * order met, the only ones an answer shows (blast-radius.ts declaredFirst). A hub's open window
 * meets 300k stops; keeping each (three arrays pushed to, then collected) was a tenth of the walk.
 */
export class StopsMet {
  private count = 0;
  private readonly kept: Record<LinkKind, StopMet[]> = { declared: [], inferred: [] };

  constructor(
    private readonly states: readonly State[],
    private readonly leak: Leak,
    /** Stops kept of each kind; those beyond are counted only. */
    private readonly keep: number,
  ) {}

  /** Every stop met, kept or not. */
  get length(): number {
    return this.count;
  }

  add(e: WalkLink, link: LinkKind, reason: MissReason, below: number): void {
    this.count++;
    const kept = this.kept[link];
    if (kept.length >= this.keep) return;
    const belowData = below < 0 ? this.leak.data : this.states[below]!.data;
    kept.push(new StopMet(e, link, reason, below, belowData, this.leak.window));
  }

  /** The first stops of a kind the walk met (at most `keep`), in the order met. */
  first(link: LinkKind): readonly Miss[] {
    return this.kept[link];
  }
}

/** How the hops above a state perform it: named in its `under`, or inferred. */
export const stepKind = (s: State): LinkKind => (s.e.under === undefined ? 'inferred' : 'declared');

/**
 * Every state reachable from the leak, breadth first, following declared `under` links and
 * inferring the others exactly as register-format.md describes (and as the path walk did).
 * `source` answers for every entrustment the walk can meet (read in rounds, or a
 * store's local reader: UpstreamSource).
 */
export function buildStateGraph(
  leak: Leak,
  source: UpstreamSource | ReadSoFar,
  keepStops: number,
): StateGraph {
  // A source read in rounds that holds all this walk meets (a leak's kept reads, walked before)
  // is not asked what it lacks at each state: at a hub that asking was a third of a walk again.
  return walkAtOnce(stateGraphSteps(leak, 'whole' in source ? source.whole() : source, keepStops));
}

/**
 * buildStateGraph as a walk that pauses where `source` is a ReadSoFar lacking what the next
 * state needs (exposure/rounds.ts), asking for what every state waiting to be expanded needs,
 * and goes on once it is read: the same states in the same order as over a complete source.
 */
export function* stateGraphSteps(
  leak: Leak,
  source: UpstreamSource | ReadSoFar,
  keepStops: number,
): Generator<Wanted, StateGraph, void> {
  const partial = 'hasInto' in source ? source : null;
  // A source that places its links (walk-link.ts) answers for them by place: the walk reads a
  // link itself only where it must.
  const places = 'placed' in source && source.placed === true ? source.places : undefined;
  // A window open at both ends holds every period: no link is read for its dates.
  const openWindow = !leak.window.from && !leak.window.to;
  const links = { get: (id: string) => source.get(id) };
  const into = { get: (party: string) => source.into(party) };
  // What goes into a client, in the window and outside it: asked once per client, not per state.
  interface Split {
    candidates: readonly WalkLink[];
    outside: readonly WalkLink[];
    /** The entrustment numbers of `candidates` and `outside`, in their order. */
    candidateNumbers: ArrayLike<number>;
    outsideNumbers: ArrayLike<number>;
    /** By data number: whether some candidate has data in common with it (made on a second). */
    overlapping: Map<number, boolean> | null;
    /** The first data number asked, and its answer: most clients are reached with one. */
    firstData: number;
    firstOverlap: boolean;
  }
  const splits = new Map<string, Split>();
  // The arrays by place (and by number), lent by the walk before (walk-scratch.ts).
  const scratch = borrowScratch<Split>();
  // By the client's place where the source places its links (walk-link.ts).
  const splitsAt = scratch.splitsAt;
  const NONE: readonly never[] = [];
  /** What goes into the client of `e`, numbered `n`. */
  const split = (e: WalkLink, n: number): Split => {
    let found: Split | undefined;
    const c = places ? places.clientAt(n, e) : -1;
    if (places) {
      while (splitsAt.length <= c) splitsAt.push(undefined);
      found = splitsAt[c];
    } else found = splits.get(e.client);
    if (found === undefined) {
      const all = into.get(e.client);
      // Made for each client a hub's walk meets (100k): the lists are copied only when some of
      // it lies outside the window, as none does when the window is open.
      const within = openWindow || all.every((c) => intersects(c, leak.window));
      const candidates = within ? all : all.filter((c) => intersects(c, leak.window));
      const outside = within ? NONE : all.filter((c) => !intersects(c, leak.window));
      // Kept on the source's own list; a list filtered for the window is this walk's alone.
      let candidateNumbers: ArrayLike<number>;
      if (places && candidates === all) {
        candidateNumbers = places.intoAt(c, all);
        // Places from the source's list, not numberOf: the arrays by number must reach them.
        for (let k = 0; k < candidateNumbers.length; k++)
          if (candidateNumbers[k]! >= linkData.length) grow(candidateNumbers[k]!);
      } else candidateNumbers = candidates.map(numberOf);
      found = {
        candidates,
        outside,
        candidateNumbers,
        outsideNumbers: outside.length === 0 ? NONE : outside.map(numberOf),
        overlapping: null,
        firstData: -3,
        firstOverlap: false,
      };
      if (places) {
        splitsAt[c] = found;
        scratch.clients.push(c);
      } else splits.set(e.client, found);
    }
    return found;
  };
  const anyOverlap = (found: Split, s: number): boolean => {
    const dataNumber = stateData[s]!;
    if (found.firstData === dataNumber) return found.firstOverlap;
    let answer = found.overlapping?.get(dataNumber);
    if (answer === undefined) {
      // Data in common is a non-empty intersection (or unknown data): the same intersections as
      // the hops to the candidates make next, remembered by data numbers, not by reading links.
      const data = states[s]!.data;
      answer = false;
      for (let k = 0; k < found.candidates.length && !answer; k++) {
        const common = intersection(
          dataNumber,
          data,
          found.candidateNumbers[k]!,
          found.candidates[k]!,
        );
        answer = common.data === null || common.data.length > 0;
      }
      if (found.firstData === -3) {
        found.firstData = dataNumber;
        found.firstOverlap = answer;
      } else (found.overlapping ??= new Map()).set(dataNumber, answer);
    }
    return answer;
  };
  const states: State[] = [];
  // Every entrustment met has a number: every later question about one (is it on this path, has
  // it stopped a path already, which of its states has this data) is a lookup by number, asked
  // hundreds of thousands of times at a hub. The source's place for it where the source places
  // its links (walk-link.ts), else numbered here, by id, in the order met.
  const numbers = new Map<string, number>();
  const numberOf = (e: WalkLink): number => {
    let n = places ? placeOf(e)! : numbers.get(e.id);
    if (n === undefined) numbers.set(e.id, (n = numbers.size));
    if (n >= linkData.length) grow(n);
    return n;
  };
  // Indexed by entrustment number, grown by doubling: a source's places run to the register's
  // size, and arrays grown an element at a time were copied over and over on a hub's walk. Each
  // holds 0 for "none yet" (values are kept one up): a grown array needs no fill, and a lent one
  // is cleared where it was set.
  const grow = (n: number) => {
    linkData = widened(linkData, n);
    firstState = widened(firstState, n);
  };
  /** Each state's entrustment number, parent and depth, beside `states`: read on every step of a walk up. */
  const entrustmentOf: number[] = [];
  const metOf: number[] = [];
  let entrustmentsMet = 0;
  const parents: number[] = [];
  const depths: number[] = [];
  /** Each entrustment's first state plus one (0: none yet), and its others (one per distinct exposed data, few). */
  let firstState = scratch.firstState;
  const otherStates = new Map<number, number[]>();
  // Data sets are few and repeat on every path: each is numbered once (by its keys), each
  // intersection computed once, and a state is found by its data's number and its entrustment.
  const dataIds = new Map<string, number>();
  const dataIdOf = (data: CategorySet): number => {
    const key = data === null ? '*' : data.join('\u0001');
    let id = dataIds.get(key);
    if (id === undefined) dataIds.set(key, (id = dataIds.size));
    return id;
  };
  /** The number of each entrustment's own data plus one (0: not numbered yet). */
  let linkData = scratch.linkData;
  // By the array first: a source that shares one array per distinct data set (the embedded
  // store's reader) spares the walk a join of every link's keys.
  const byArray = new Map<readonly string[], number>();
  // Where the source numbers its links' data by place, the link itself is not read: this walk's
  // number for each of the source's data numbers.
  const ofSourceData: number[] = [];
  const dataOfLink = (n: number, e: WalkLink): readonly string[] =>
    places ? places.dataSet(places.dataAt(n)) : e.data;
  const linkDataId = (n: number, e: WalkLink): number => {
    const id = linkData[n]!;
    if (id !== 0) return id - 1;
    let numbered: number | undefined;
    if (places) {
      const sourceData = places.dataAt(n);
      numbered = ofSourceData[sourceData];
      if (numbered === undefined)
        ofSourceData[sourceData] = numbered = dataIdOf(asSet(places.dataSet(sourceData)));
    } else {
      numbered = byArray.get(e.data);
      if (numbered === undefined) byArray.set(e.data, (numbered = dataIdOf(asSet(e.data))));
    }
    linkData[n] = numbered + 1;
    scratch.numbered.push(n);
    return numbered;
  };
  const leakDataId = -1;
  const stateData: number[] = [];
  // By the data numbers below (one up: the leak's is -1) and of the link: arrays, not maps, as
  // both are small numbers and this is asked on every hop a walk makes.
  const intersections: { data: CategorySet; id: number }[][] = [];
  const intersection = (belowId: number, below: CategorySet, n: number, e: WalkLink) => {
    const byLink = (intersections[belowId + 1] ??= []);
    const linkId = linkDataId(n, e);
    let result = byLink[linkId];
    if (result === undefined) {
      const set = intersect(below, asSet(dataOfLink(n, e)));
      byLink[linkId] = result = { data: set, id: dataIdOf(set) };
    }
    return result;
  };
  const misses = new StopsMet(states, leak, keepStops);
  /**
   * Per entrustment, a bit for each reason it stopped a path for already. The graph keeps it, so
   * it is the walk's own, grown by itself (lent arrays by number are long already): beyond its
   * length, no bit is set.
   */
  let stopped = new Uint8Array(1024);
  const unverified = new Map<string, UnverifiedMiss>();

  const miss = (
    e: WalkLink,
    n: number,
    link: LinkKind,
    reason: MissReason,
    belowData: CategorySet,
    below: number,
    cycleBelow: boolean,
  ) => {
    const bit = REASON_BITS[reason];
    if (n >= stopped.length) stopped = widened(stopped, n);
    if ((stopped[n]! & bit) !== 0) return;
    // A shortest path that closed a cycle, or passes `e` itself, is not a path of the register;
    // another path to the same state may be (simple-paths.ts looks for one).
    if (below >= 0 && (!states[below]!.simple || cycleBelow)) {
      const key = `${e.id}|${reason}|${below}`;
      if (reason !== 'CYCLE' && !unverified.has(key))
        unverified.set(key, {
          entrustment: e,
          number: n,
          link,
          reason,
          detail: () => wordStop(reason, e, belowData, leak.window),
          below,
        });
      return;
    }
    stopped[n]! |= bit;
    misses.add(e, link, reason, below);
  };
  const onShortestPath = (s: number, n: number): boolean => {
    // An entrustment with no state yet is on no path.
    if (firstState[n] === 0) return false;
    // States are made breadth first, so their depths never fall, and an entrustment's first
    // state is its shallowest: the walk down stops above it (a hub's paths run 50 hops deep).
    const shallowest = depths[firstState[n]! - 1]!;
    for (let k = s; k >= 0 && depths[k]! >= shallowest; k = parents[k]!)
      if (entrustmentOf[k] === n) return true;
    return false;
  };
  /** The state `e` is reached in from `below`, or -1 (and why) when the path stops at it. */
  const reach = (below: number, e: WalkLink, link: LinkKind, n = numberOf(e)): number => {
    const belowData = below < 0 ? leak.data : states[below]!.data;
    const cycle = below >= 0 && onShortestPath(below, n);
    // Told from the shortest path to `below`: other paths to it may close other cycles, which
    // this answer does not list (the set of controllers does not depend on them).
    if (cycle) miss(e, n, link, 'CYCLE', belowData, below, false);
    if (!openWindow && !intersects(e, leak.window)) {
      miss(e, n, link, 'OUT_OF_WINDOW', belowData, below, cycle);
      return -1;
    }
    const { data, id: dataId } = intersection(
      below < 0 ? leakDataId : stateData[below]!,
      belowData,
      n,
      e,
    );
    if (data !== null && data.length === 0) {
      miss(e, n, link, 'NO_COMMON_DATA', belowData, below, cycle);
      return -1;
    }
    // A cycle on the shortest path still links the states: other paths may reach `below`
    // without passing through `e`. Path evidence (evidence.ts) keeps every path simple.
    const first = firstState[n]! - 1;
    const others = first < 0 ? undefined : otherStates.get(n);
    if (first >= 0 && stateData[first] === dataId) return first;
    if (others) for (const s of others) if (stateData[s] === dataId) return s;
    const s = states.length;
    if (first < 0) firstState[n] = s + 1;
    else if (others) others.push(s);
    else otherStates.set(n, [s]);
    stateData.push(dataId);
    entrustmentOf.push(n);
    metOf.push(first < 0 ? entrustmentsMet++ : metOf[first]!);
    parents.push(below);
    depths.push(below < 0 ? 1 : depths[below]! + 1);
    const simple = below < 0 || (states[below]!.simple && !cycle);
    states.push({
      e,
      data,
      simple,
      ends: null,
      endsWhateverData: false,
    });
    return s;
  };

  // Links from one state are all made while it is expanded, states in order: they are kept as
  // they are made, each state's from where the one before ended (Adjacency). A stamp per target
  // dedupes them.
  const linkedFrom: number[] = [];
  const nextStart: number[] = [];
  const nextTargets: number[] = [];
  const link = (from: number, to: number) => {
    if (to < 0 || linkedFrom[to] === from) return;
    linkedFrom[to] = from;
    nextTargets.push(to);
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
  // Ends grouped by their client as they are met, while the link is at hand: grouped after the
  // walk, a hub's 70k ends were each a lookup through cold memory (30–50 ms of its answer).
  const endParties: string[] = [];
  const partyNumbers = new Map<string, number>();
  // By the client's place where the source places its links, its number plus one (0: not met yet).
  let partyAt = scratch.partyAt;
  const endStates: number[] = [];
  const endParty: number[] = [];
  /** Sets where a path ends, field by field: a destructuring assignment made an array each time. */
  const endsHere = (s: number, how: LinkKind, whateverData: boolean) => {
    const state = states[s]!;
    state.ends = how;
    state.endsWhateverData = whateverData;
    let party: number | undefined;
    if (places) {
      const c = places.clientAt(entrustmentOf[s]!, state.e);
      if (c >= partyAt.length) partyAt = widened(partyAt, c);
      party = partyAt[c]! - 1;
      if (party < 0) {
        party = endParties.length;
        partyAt[c] = party + 1;
        scratch.clients.push(c);
        endParties.push(state.e.client);
      }
    } else {
      const client = state.e.client;
      party = partyNumbers.get(client);
      if (party === undefined) {
        partyNumbers.set(client, (party = endParties.length));
        endParties.push(client);
      }
    }
    endStates.push(s);
    endParty.push(party);
  };

  const starts: number[] = [];
  const intoLeak = into.get(leak.party) ?? [];
  for (const e of intoLeak) {
    const s = reach(-1, e, 'declared');
    if (s >= 0 && !starts.includes(s)) starts.push(s);
  }
  for (let s = 0; s < states.length; s++) {
    if (partial) {
      const wanted = wantedFrom(s);
      if (wanted) yield wanted;
    }
    nextStart.push(nextTargets.length);
    const state = states[s]!;
    const { e } = state;
    if (ownData(e)) {
      endsHere(s, 'declared', true);
      continue;
    }
    if (e.under) {
      if (places)
        for (const u of places.underAt(entrustmentOf[s]!, e, links.get)) {
          if (u) link(s, reach(s, u, 'declared'));
        }
      else
        for (const id of e.under) {
          const u = links.get(id);
          if (u) link(s, reach(s, u, 'declared'));
        }
      continue;
    }
    // Every period, not only the window: a candidate an inferred step drops for its dates is the
    // answer to "why not us?" for its client, as a declared link in its place would be.
    const found = split(e, entrustmentOf[s]!);
    const { candidates, candidateNumbers, outside, outsideNumbers } = found;
    for (let k = 0; k < outside.length; k++) reach(s, outside[k]!, 'inferred', outsideNumbers[k]!);
    if (candidates.length === 0) {
      endsHere(s, 'declared', true);
      continue;
    }
    if (!anyOverlap(found, s)) {
      // Nothing that goes into the client has data in common: its own data, by inference.
      for (let k = 0; k < candidates.length; k++)
        reach(s, candidates[k]!, 'inferred', candidateNumbers[k]!);
      endsHere(s, 'inferred', false);
      continue;
    }
    for (let k = 0; k < candidates.length; k++)
      link(s, reach(s, candidates[k]!, 'inferred', candidateNumbers[k]!));
  }
  nextStart.push(nextTargets.length);
  // The walk is over: what it kept by number is lent to the next (the graph keeps `stopped`).
  scratch.linkData = linkData;
  scratch.firstState = firstState;
  scratch.partyAt = partyAt;
  giveBack(scratch);
  const byParty = groupByValue(Int32Array.from(endParty), endParties.length);
  for (let i = 0; i < byParty.list.length; i++) byParty.list[i] = endStates[byParty.list[i]!]!;
  return {
    states,
    next: { start: Int32Array.from(nextStart), targets: Int32Array.from(nextTargets) },
    entrustmentOf,
    metOf,
    entrustmentsMet,
    parentOf: parents,
    depthOf: depths,
    starts,
    leakIsContractor: intoLeak.length > 0,
    misses,
    unverified: [...unverified.values()],
    endsByParty: { parties: endParties, ...byParty },
    stoppedFor: (n, reason) => n < stopped.length && (stopped[n]! & REASON_BITS[reason]) !== 0,
  };
}

/** The entrustments of a state's shortest path, from the state down to the leak. */
export function shortestHops(graph: StateGraph, s: number): WalkLink[] {
  const hops: WalkLink[] = [];
  for (let k = s; k >= 0; k = graph.parentOf[k]!) hops.push(graph.states[k]!.e);
  return hops;
}
