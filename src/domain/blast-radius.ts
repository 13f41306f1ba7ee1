import { minimize, type CategorySet } from './categories.js';
import { findPaths, predecessors, type StatePath } from './exposure/evidence.js';
import {
  beyondCycles,
  bestPaths,
  confirmedHop,
  pathCounts,
  type BestPaths,
} from './exposure/reach.js';
import {
  buildStateGraph,
  stateGraphSteps,
  shortestHops,
  stepKind,
  type Adjacency,
  type Miss,
  type MissReason,
  type State,
  type StateGraph,
  type StopsMet,
} from './exposure/state-graph.js';
import { keptReads } from './exposure/kept-reads.js';
import { walkInRounds } from './exposure/rounds.js';
import { SimplePaths } from './exposure/simple-paths.js';
import { withEvidence, type UpstreamSource, type WalkLink } from './exposure/walk-link.js';
import { ofOneRegister } from './graph/one-register.js';
import { PerGeneration } from './graph/per-generation.js';
import type { Leak } from './leak.js';
import { byCodeUnits, sortedOnce } from './few-keys.js';
import { byLocale } from './locale-order.js';
import { indexById, type LinkKind } from './links.js';
import type { Entrustment, Party } from './model.js';
import { rememberedParties } from './graph/remembered-parties.js';
import type { StorePort } from '../store/port.js';

export type Exposure = 'CONFIRMED' | 'POSSIBLE';
export type { MissReason } from './exposure/state-graph.js';

export interface ExposurePath {
  exposure: Exposure;
  /** Controller first, leaking party's entrustment last. */
  hops: Entrustment[];
  /** links[0]: how the controller's own data is established; links[i]: how hops[i] performs hops[i-1]. */
  links: LinkKind[];
  /** Exposed categories (leak ∩ every hop); null when no hop and no leak names any. */
  data: string[] | null;
  aware: boolean;
  records?: number;
}

export interface AffectedController {
  party: string;
  exposure: Exposure;
  aware: boolean;
  data: string[];
  dataKnown: boolean;
  subjects: string[];
  records?: number;
  /** The first paths (CONFIRMED, then shortest first), at most maxPathsPerController. */
  paths: ExposurePath[];
  /** Every path there is; a lower bound only when `pathsExact` is false. */
  pathCount: number;
  pathsExact: boolean;
  /** The first `first` paths, for an asker who wants more than `paths` holds. */
  morePaths(first: number): Promise<ExposurePath[]>;
}

/** A hop where a path stopped: the answer to "why not us?". hops: the stopped hop first, leak last. */
export interface NotExposed {
  entrustment: Entrustment;
  /** How the stopped hop would have been linked: an inferred step is one `under` does not state. */
  link: LinkKind;
  reason: MissReason;
  detail: string;
  hops: Entrustment[];
}

export interface BlastRadius {
  leak: Leak;
  /** Every exposed controller: computed over sets of states, never a lower bound. */
  controllers: AffectedController[];
  /** At most maxNotExposed of them, the declared ones first. */
  notExposed: NotExposed[];
  /** How many hops stopped in all, including those beyond the cap (counted when first read). */
  readonly notExposedCount: number;
  /** True when some controller's pathCount is a lower bound (paths only; the set is exact). */
  truncated: boolean;
  /** Controllers whose paths could not all be counted. */
  unexplored: number;
  /** States the walk made: entrustments reached, once per distinct exposed data. */
  steps: number;
  /**
   * Whether some entrustment, of any period, goes to the leaking party: the register holds the
   * party (an asker need not read it to know).
   */
  leakIsContractor: boolean;
  /** The controllers' parties, by id, when the options asked for them. */
  parties?: ReadonlyMap<string, Party>;
}

export interface BlastRadiusOptions {
  /**
   * Paths reported per controller (CONFIRMED first); the count of all paths is kept. 0: none
   * searched until morePaths asks (an answer that shows no path need not find any).
   */
  maxPathsPerController?: number;
  /** Hops reported in notExposed: a hub's inferred step can drop thousands of candidates. */
  maxNotExposed?: number;
  /**
   * The store's write generation when the asker's request began: what walks read of it serves
   * without reading the generation again (PerGeneration.get). The check after a walk reads anew.
   */
  asked?: Promise<number>;
  /** Read the controllers' parties too (BlastRadius.parties), beside the walk's last reads. */
  parties?: boolean;
}

export const DEFAULT_PATHS_PER_CONTROLLER = 10;
export const DEFAULT_MAX_NOT_EXPOSED = 200;
/** Partial paths one controller's path search may make (paths are evidence, not the answer). */
const SEARCH_BUDGET = 20_000;
/** GraphQL's Int: a count beyond it is reported as this bound, with `truncated`. */
const MAX_COUNT = 2 ** 31 - 1;

// On a store whose reads go over the network (Neo4j), what the walk read, kept: a dashboard asks
// the blast radius of the same incidents after every write, most of which (a new incident) leave
// the entrustments as they were. The walk reads by data, so the data is in the key.
const upstreamSources = new PerGeneration<UpstreamSource>(64, ['entrustments', 'parties']);

interface Upstream {
  source: UpstreamSource;
  /** The state graph, when this ask is the one that walked. */
  walked?: StateGraph;
}

/**
 * What the walk reads of `leak`, read in rounds, and the state graph when this ask is the one
 * that walked: a walk in rounds ends with the same graph as a walk over what it read, so it is
 * not walked twice. Only the source is kept (state graphs of a hub's leak are large).
 *
 * `settled` is what a walk read once the generation read after it shows no write landed
 * meanwhile; `first` is the first walk's, as soon as it ends (or `settled`'s, when no walk was
 * needed), so the answer is made and its own reads go out while that check is on its way.
 */
function upstreamOf(
  store: StorePort,
  leak: Leak,
  asked: Promise<number> | undefined,
  keepStops: number,
): { first: Promise<Upstream>; settled: Promise<Upstream> } {
  const { party, window, data } = leak;
  const key = JSON.stringify([party, window.from ?? null, window.to ?? null, data]);
  let walked: StateGraph | undefined;
  let firstWalked: (read: Upstream) => void = () => undefined;
  const first = new Promise<Upstream>((resolve) => (firstWalked = resolve));
  const settled = upstreamSources
    .get(
      store,
      key,
      // Walked again while a write lands during the walk (graph/one-register.ts). The check
      // after it is asked even when the walk read nothing: the rows it took may have been read
      // by another walk after a write. Any walk that read rows of a newer register into the kept
      // source ends after that write, so the check catches it; the next walk takes the newer
      // generation's.
      (generation) =>
        ofOneRegister(
          store,
          async (now) => {
            const { source, result } = await walkInRounds(
              (parties, ids) => store.upstreamRound(parties, ids, window),
              (read) => stateGraphSteps(leak, read, keepStops),
              // Every leak's walk reads into the store's kept rows: it reads only what others
              // did not. Those of the generation this walk is of.
              await keptReads(store, Promise.resolve(now)),
            );
            if (walked === undefined) firstWalked({ source, walked: result });
            walked = result;
            return source;
          },
          Promise.resolve(generation),
        ),
      asked,
    )
    .then((source): Upstream => (walked === undefined ? { source } : { source, walked }));
  // Handled where it is awaited, after the answer's own work: not an unhandled rejection meanwhile.
  settled.catch(() => undefined);
  return { first: Promise.race([first, settled]), settled };
}

/**
 * Who is exposed by a leak: a fixpoint over (entrustment, exposed data) states (exposure/),
 * exact at any size, reading only what its paths take. Paths are evidence, found per controller
 * afterwards, shortest first.
 */
export async function blastRadius(
  store: StorePort,
  leak: Leak,
  options: BlastRadiusOptions = {},
): Promise<BlastRadius> {
  // A store whose reads are local lets the walk read as it goes; others are read in rounds.
  const local = store.upstreamReader?.();
  if (local) return answerOf(store, leak, { source: local }, options, null);
  const { first, settled } = upstreamOf(store, leak, options.asked, shownStops(options));
  const read = await first;
  const answer = await answerOf(store, leak, read, options, settled);
  // A write landed during the walk: the answer is the walk's after it.
  const done = await settled;
  return done.walked === read.walked && done.source === read.source
    ? answer
    : answerOf(store, leak, done, options, settled);
}

/**
 * The answer over what a walk read. Its own reads (the hops shown, the controllers' parties) go
 * out together with `check`, the generation read after the walk: on Neo4j, one round trip where
 * they were three in turn.
 */
async function answerOf(
  store: StorePort,
  leak: Leak,
  read: Upstream,
  options: BlastRadiusOptions,
  check: Promise<unknown> | null,
): Promise<BlastRadius> {
  const graph = read.walked ?? buildStateGraph(leak, read.source, shownStops(options));
  await withEvidence(
    graph.states.map((s) => s.e),
    (ids) => store.entrustments(ids),
  );
  const preds = predecessors(graph);
  const tainted = beyondCycles(graph);
  const best = bestPaths(graph, leak.records);
  const counts = pathCounts(graph);
  const cap = options.maxPathsPerController ?? DEFAULT_PATHS_PER_CONTROLLER;
  const search = (ends: number[], want: number) => firstPaths(graph, preds, ends, want, best);

  const checks = new SimplePaths(graph, preds);
  const found: Found[] = [];
  const ended = graph.endsByParty;
  for (let c = 0; c < ended.parties.length; c++) {
    // In a loop: Array.from over a typed array went through its iterator, an object per element.
    const all: number[] = [];
    for (let i = ended.start[c]!; i < ended.start[c + 1]!; i++) all.push(ended.list[i]!);
    const a = endsOf(ended.parties[c]!, all, tainted, counts, checks);
    if (a.ends.length === 0) continue;
    if (cap > 0) a.paths = search(a.ends, cap);
    found.push(a);
  }
  // Stops beyond a cycle are verified by path searches: only when they are shown or counted.
  let verified: Miss[] | undefined;
  const verifiedMisses = () => (verified ??= checks.verifiedMisses());
  const maxShown = shownStops(options);
  const shownMisses = maxShown > 0 ? declaredFirst(graph.misses, verifiedMisses(), maxShown) : [];
  const [full, parties] = await Promise.all([
    fullRecords(store, [
      ...entrustmentsOn(
        graph,
        found.map((a) => a.paths),
      ),
      ...shownMisses.flatMap((m) => [m.entrustment.id, ...hopsBelow(graph, m).map((h) => h.id)]),
    ]),
    options.parties
      ? rememberedParties(
          store,
          found.map((a) => a.party),
          options.asked,
        ).then(indexById)
      : undefined,
    check,
  ]);
  const shownHop = hopsByState(graph, full);
  const evidence = (path: StatePath) => toPath(graph, path, leak, shownHop);
  const morePaths = async (a: Found, first: number) => {
    // Fewer than `cap` were found: that search ran out of paths or budget, as a search for
    // at most as many would (the resolver asks again when paths hold fewer than it shows).
    if (first <= cap && a.paths.length < cap) return a.paths.slice(0, first).map(evidence);
    const paths = search(a.ends, first);
    const more = hopsByState(graph, await fullRecords(store, entrustmentsOn(graph, [paths])));
    return paths.map((p) => toPath(graph, p, leak, more));
  };

  const controllers = inAnswerOrder(
    found.map((a) => answerFor(graph, best, leak.records, a, evidence, morePaths)),
  );
  const unexplored = controllers.filter((c) => !c.pathsExact).length;
  return {
    leak,
    controllers,
    notExposed: shownMisses.map((m) => ({
      entrustment: full.get(m.entrustment.id)!,
      link: m.link,
      reason: m.reason,
      detail: m.detail(),
      hops: [full.get(m.entrustment.id)!, ...hopsBelow(graph, m).map((h) => full.get(h.id)!)],
    })),
    get notExposedCount() {
      return graph.misses.length + verifiedMisses().length;
    },
    truncated: unexplored > 0,
    unexplored,
    steps: graph.states.length,
    leakIsContractor: graph.leakIsContractor,
    ...(parties ? { parties } : {}),
  };
}

/** The stops an answer shows: those of each kind its walk keeps. */
const shownStops = (options: BlastRadiusOptions) =>
  options.maxNotExposed ?? DEFAULT_MAX_NOT_EXPOSED;

/** A controller's ends, as the walk's states and the checks beyond cycles decide them. */
interface Found {
  party: string;
  /** Its states some path of the register reaches. */
  ends: number[];
  /** Those whose values the states decide (`listed` paths decide the others). */
  plain: number[];
  /** Paths to ends beyond cycles, listed in full when few. */
  listed: StatePath[];
  count: number;
  exact: boolean;
  /** The paths shown of it (none until searched). */
  paths: StatePath[];
}

function endsOf(
  party: string,
  all: number[],
  tainted: Uint8Array,
  counts: Float64Array,
  checks: SimplePaths,
): Found {
  // Every walk to an end outside cycles is a path: counted over states, exactly.
  let count = 0;
  let beyond = 0;
  for (const s of all) {
    if (tainted[s]) beyond++;
    else count += counts[s]!;
  }
  if (beyond === 0)
    return { party, ends: all, plain: all, count, exact: true, listed: [], paths: [] };
  const plain = all.filter((s) => !tainted[s]);
  const b = checks.endsBeyondCycles(all.filter((s) => tainted[s]));
  return {
    party,
    ends: [...plain, ...b.kept],
    // Listed paths decide exposure, awareness and records beyond cycles; else the states do.
    plain: b.complete ? plain : [...plain, ...b.kept],
    listed: b.complete ? b.paths : [],
    count: count + b.paths.length,
    exact: b.complete,
    paths: [],
  };
}

/**
 * One controller's answer, in loops over its few ends: made for each of a hub's 26k controllers,
 * where arrays built for every field took a fifth of the answer.
 */
function answerFor(
  graph: StateGraph,
  best: BestPaths,
  leakRecords: number | undefined,
  a: Found,
  evidence: (path: StatePath) => ExposurePath,
  morePaths: (a: Found, first: number) => Promise<ExposurePath[]>,
): AffectedController {
  let confirmed = false;
  let aware = false;
  let records = -Infinity;
  for (const s of a.plain) {
    if (best.confirmed[s] && graph.states[s]!.ends === 'declared') confirmed = true;
    if (best.aware[s] === 1) aware = true;
    if (best.records[s]! > records) records = best.records[s]!;
  }
  for (const p of a.listed) {
    const v = pathValues(graph, p, leakRecords);
    if (v.confirmed) confirmed = true;
    if (v.aware) aware = true;
    if (v.records > records) records = v.records;
  }
  const tops = a.ends.map((s) => graph.states[s]!);
  const answer: AffectedController = {
    party: a.party,
    exposure: confirmed ? 'CONFIRMED' : 'POSSIBLE',
    aware,
    data: dataOf(tops),
    dataKnown: tops.every((t) => t.data !== null),
    subjects: subjectsOf(tops),
    paths: a.paths.map(evidence),
    // Where paths were counted in part, the search for those shown may have found more.
    pathCount: Math.min(Math.max(a.count, a.paths.length), MAX_COUNT),
    pathsExact: a.exact && a.count <= MAX_COUNT,
    morePaths: (first) => morePaths(a, first),
  };
  // Set after, not spread in: a spread made each of a hub's 26k answers through a slow path.
  if (records > -Infinity) answer.records = records;
  return answer;
}

/**
 * The data exposed at a controller's ends, together. A state's data is minimal already
 * (categories.ts intersect), and a controller's ends mostly carry the same: then it is the answer.
 */
function dataOf(tops: readonly State[]): string[] {
  const first = tops[0]!.data ?? [];
  const same = (data: CategorySet) =>
    data === first ||
    (data !== null && data.length === first.length && data.every((key, i) => key === first[i]));
  if (tops.every((t) => same(t.data))) return [...first];
  return minimize(tops.flatMap((t) => t.data ?? []));
}

/** The data subjects named by a controller's ends, each once, sorted. */
function subjectsOf(tops: readonly { e: WalkLink }[]): string[] {
  if (tops.every((t) => !t.e.subjects?.length)) return [];
  const named: string[] = [];
  for (const t of tops) for (const subject of t.e.subjects ?? []) named.push(subject);
  return sortedOnce(named);
}

/**
 * CONFIRMED first, each group by party in the locale's order. Sorted by code units first: the
 * sort (TimSort, which keeps runs already in order) then compares each party to about one
 * other where the two orders agree, as they do for ids in ASCII letters and digits, rather than
 * a hub's 26k parties log n times each. Where they do not, it is the same sort as without.
 */
function inAnswerOrder(controllers: AffectedController[]): AffectedController[] {
  // The groups apart first: each sort's comparator then compares parties only.
  const confirmed = controllers.filter((c) => c.exposure === 'CONFIRMED');
  const possible = controllers.filter((c) => c.exposure !== 'CONFIRMED');
  const byParty = (group: AffectedController[]) =>
    group.sort((a, b) => byCodeUnits(a.party, b.party)).sort((a, b) => byLocale(a.party, b.party));
  return [...byParty(confirmed), ...byParty(possible)];
}

/**
 * The stops shown: the declared first, each kind in the order met (the walk's, then those found
 * beyond cycles); only these become Misses, of a hub's 300k.
 */
function declaredFirst(walked: StopsMet, verified: readonly Miss[], max: number): Miss[] {
  const shown: Miss[] = [];
  for (const kind of ['declared', 'inferred'] as const) {
    for (const m of walked.first(kind)) if (shown.length < max) shown.push(m);
    for (const m of verified) if (shown.length < max && m.link === kind) shown.push(m);
  }
  return shown;
}

/** CONFIRMED paths first, then the others, each group shortest first. */
function firstPaths(
  graph: StateGraph,
  preds: Adjacency,
  ends: number[],
  want: number,
  best: BestPaths,
): StatePath[] {
  const confirmed = ends.some((s) => best.confirmed[s] && graph.states[s]!.ends === 'declared')
    ? findPaths(graph, preds, ends, {
        want,
        budget: SEARCH_BUDGET,
        confirmedOnly: best,
      }).paths.slice(0, want)
    : [];
  if (confirmed.length >= want) return confirmed;
  const isConfirmed = (p: StatePath) => pathIsConfirmed(graph, p);
  const others = findPaths(graph, preds, ends, {
    want: want + confirmed.length,
    budget: SEARCH_BUDGET,
    confirmedOnly: null,
  }).paths.filter((p) => !isConfirmed(p));
  return [...confirmed, ...others].slice(0, want);
}

/** What one path achieves: CONFIRMED, aware, and its smallest known record count. */
function pathValues(graph: StateGraph, path: StatePath, leakRecords: number | undefined) {
  // In one loop: made for each of a hub's 260k paths shown (toPath).
  let records = leakRecords ?? -Infinity;
  let aware = true;
  for (const s of path) {
    const { e } = graph.states[s]!;
    if (e.records !== undefined && (records === -Infinity || e.records < records))
      records = e.records;
    if (!e.disclosed!) aware = false;
  }
  return { confirmed: pathIsConfirmed(graph, path), aware, records };
}

/** The hops below a stop, from the hop it was reached from down to the leak. */
function hopsBelow(graph: StateGraph, m: Miss) {
  if (m.below < 0) return [];
  return m.path ? m.path.map((s) => graph.states[s]!.e) : shortestHops(graph, m.below);
}

function pathIsConfirmed(graph: StateGraph, path: StatePath): boolean {
  const top = graph.states[path[0]!]!;
  return (
    top.ends === 'declared' &&
    path.every((s, i) => {
      const state = graph.states[s]!;
      return confirmedHop(state.e) && (i === 0 || stepKind(state) === 'declared');
    })
  );
}

/** Whole records for the hops shown as evidence: one store call, the walk itself read only links. */
async function fullRecords(store: StorePort, ids: string[]): Promise<Map<string, Entrustment>> {
  return indexById(await store.entrustments([...new Set(ids)]));
}

/**
 * The ids of the entrustments on some path, each once: a hub's 26k controllers show 260k paths
 * of about 50 hops, and their ids listed hop by hop (13M, then deduplicated) took seconds.
 */
function entrustmentsOn(graph: StateGraph, pathsOf: readonly (readonly StatePath[])[]): string[] {
  const listed = new Uint8Array(graph.entrustmentsMet);
  const ids: string[] = [];
  for (const paths of pathsOf)
    for (const path of paths)
      for (const s of path) {
        const met = graph.metOf[s]!;
        if (listed[met] === 0) {
          listed[met] = 1;
          ids.push(graph.states[s]!.e.id);
        }
      }
  return ids;
}

/** A state's whole record, looked up by id once per entrustment, not once per hop shown. */
function hopsByState(
  graph: StateGraph,
  full: Map<string, Entrustment>,
): (s: number) => Entrustment {
  const byMet: Entrustment[] = [];
  return (s) => (byMet[graph.metOf[s]!] ??= full.get(graph.states[s]!.e.id)!);
}

/** One path's evidence, in one loop over its hops (made for each of a hub's 260k paths shown). */
function toPath(
  graph: StateGraph,
  path: StatePath,
  leak: Leak,
  hopOf: (s: number) => Entrustment,
): ExposurePath {
  const hops: Entrustment[] = [];
  const links: LinkKind[] = [];
  for (let i = 0; i < path.length; i++) {
    const state = graph.states[path[i]!]!;
    hops.push(hopOf(path[i]!));
    links.push(i === 0 ? state.ends! : stepKind(state));
  }
  const top = graph.states[path[0]!]!;
  const { confirmed, aware, records } = pathValues(graph, path, leak.records);
  const evidence: ExposurePath = {
    exposure: confirmed ? 'CONFIRMED' : 'POSSIBLE',
    hops,
    links,
    data: top.data === null ? null : [...top.data],
    aware,
  };
  // Set after, not spread in (as in answerFor); record counts are finite.
  if (records > -Infinity) evidence.records = records;
  return evidence;
}
