// The blast radius as it was before issue 21: it enumerates every path up from the leak, level by
// level. Kept only as the oracle of test/properties/blast-radius-sets.test.ts, which checks that
// the set-based answer (src/domain/blast-radius.ts) equals it on random small registers.
import {
  asSet,
  intersect,
  minimize,
  overlaps,
  type CategorySet,
} from '../../src/domain/categories.js';
import { describeMiss, intersects } from '../../src/domain/dates.js';
import type { Exposure, MissReason, NotExposed } from '../../src/domain/blast-radius.js';
import type { Leak } from '../../src/domain/leak.js';
import { byId, groupBy, indexById, ownData, type LinkKind } from '../../src/domain/links.js';
import type { Entrustment } from '../../src/domain/model.js';
import type { StorePort } from '../../src/store/port.js';
import type { Test } from 'tap';

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
  paths: ExposurePath[];
  pathCount: number;
}

export interface BlastRadius {
  leak: Leak;
  controllers: AffectedController[];
  /** At most maxNotExposed of them, the declared ones first. */
  notExposed: NotExposed[];
  /** How many hops stopped in all, including those beyond the cap. */
  notExposedCount: number;
  /** True when the walk hit maxPaths or maxSteps and stopped early: the answer is a lower bound. */
  truncated: boolean;
  /** Partial paths dropped or left unexplored when the walk was truncated; 0 otherwise. */
  unexplored: number;
  /** Partial paths the walk made: its work, bounded by maxSteps. */
  steps: number;
}

export interface BlastRadiusOptions {
  /** Paths reported per controller (CONFIRMED first); the count of all paths is kept. */
  maxPathsPerController?: number;
  /** Safety bound on partial paths alive at one level of the walk. */
  maxPaths?: number;
  /** Safety bound on partial paths made over the whole walk: a register whose paths multiply at
   * every level (issue 10's 120-level ladder: 2^120 paths) is answered in seconds, truncated. */
  maxSteps?: number;
  /** Hops reported in notExposed: a hub's inferred step can drop thousands of candidates. */
  maxNotExposed?: number;
}

export const DEFAULT_PATHS_PER_CONTROLLER = 10;
const DEFAULT_MAX_PATHS = 50_000;
export const DEFAULT_MAX_STEPS = 200_000;
export const DEFAULT_MAX_NOT_EXPOSED = 200;

/**
 * A partial path as a linked list from its top down to the leak: paths that fork share their
 * prefix instead of copying it at every level, so memory grows with the steps, not steps × depth.
 */
interface Walk {
  top: Entrustment;
  /** How `top` performs `below.top` (unused at the leak). */
  link: LinkKind;
  below: Walk | null;
  data: CategorySet;
}

/** Hops leak first, as the walk found them. */
function hopsOf(walk: Walk | null): Entrustment[] {
  const hops: Entrustment[] = [];
  for (let w = walk; w !== null; w = w.below) hops.push(w.top);
  return hops.reverse();
}

function onPath(walk: Walk | null, id: string): boolean {
  for (let w = walk; w !== null; w = w.below) if (w.top.id === id) return true;
  return false;
}

interface Reached {
  controller: string;
  walk: Walk;
  ownLink: LinkKind;
}

/**
 * Walk up from the leaking party, one store round trip per level, following declared `under`
 * links and inferring the others, exactly as register-format.md describes.
 */
export async function pathWalkBlastRadius(
  store: StorePort,
  leak: Leak,
  options: BlastRadiusOptions = {},
): Promise<BlastRadius> {
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const misses = new Map<string, NotExposed>();
  const reached: Reached[] = [];
  let truncated = false;
  let unexplored = 0;
  let steps = 0;

  const miss = (
    e: Entrustment,
    link: LinkKind,
    reason: MissReason,
    detail: string,
    below: Walk | null,
  ) => {
    const key = `${e.id}|${reason}`;
    if (!misses.has(key))
      misses.set(key, {
        entrustment: e,
        link,
        reason,
        detail,
        hops: [e, ...hopsOf(below).reverse()],
      });
  };
  const extend = (below: Walk | null, e: Entrustment, link: LinkKind, into: Walk[]) => {
    if (onPath(below, e.id))
      return miss(e, link, 'CYCLE', `${e.id} is already on this path`, below);
    if (!intersects(e, leak.window))
      return miss(e, link, 'OUT_OF_WINDOW', describeMiss(e, leak.window), below);
    const data = intersect(below ? below.data : leak.data, asSet(e.data));
    if (data !== null && data.length === 0)
      return miss(
        e,
        link,
        'NO_COMMON_DATA',
        `carries ${e.data.join(', ')}; nothing in common with ${(below ? below.data : leak.data)?.join(', ')}`,
        below,
      );
    steps += 1;
    into.push({ top: e, link, below, data });
  };

  let frontier: Walk[] = [];
  for (const e of (await store.entrustmentsInto([leak.party])).sort(byId))
    extend(null, e, 'declared', frontier);

  while (frontier.length > 0) {
    if (steps >= maxSteps) {
      unexplored += frontier.length;
      truncated = true;
      break;
    }
    if (frontier.length > maxPaths) {
      unexplored += frontier.length - maxPaths;
      frontier = frontier.slice(0, maxPaths);
      truncated = true;
    }
    const tops = frontier.map((w) => w.top);
    const upstreamIds = new Set(tops.flatMap((e) => e.under ?? []));
    const unknownClients = new Set(tops.filter((e) => e.under === undefined).map((e) => e.client));
    // Every period, not only the window: a candidate an inferred step drops for its dates is the
    // answer to "why not us?" for its client, as a declared link in its place would be.
    const [upstream, into] = await Promise.all([
      store.entrustments([...upstreamIds]),
      store.entrustmentsInto([...unknownClients]),
    ]);
    const upstreamById = indexById(upstream);
    const intoClient = groupBy(
      into.filter((e) => intersects(e, leak.window)).sort(byId),
      (e) => e.contractor,
    );
    const outsideWindow = groupBy(
      into.filter((e) => !intersects(e, leak.window)).sort(byId),
      (e) => e.contractor,
    );

    const next: Walk[] = [];
    frontier.forEach((walk, i) => {
      const top = tops[i];
      if (ownData(top)) return reached.push({ controller: top.client, walk, ownLink: 'declared' });
      if (top.under) {
        for (const id of top.under) {
          const u = upstreamById.get(id);
          if (u) extend(walk, u, 'declared', next);
        }
        return;
      }
      for (const c of outsideWindow.get(top.client) ?? []) extend(walk, c, 'inferred', []);
      const candidates = intoClient.get(top.client) ?? [];
      if (candidates.length === 0)
        return reached.push({ controller: top.client, walk, ownLink: 'declared' });
      if (!candidates.some((c) => overlaps(walk.data, asSet(c.data)))) {
        for (const c of candidates) extend(walk, c, 'inferred', []);
        return reached.push({ controller: top.client, walk, ownLink: 'inferred' });
      }
      for (const c of candidates) extend(walk, c, 'inferred', next);
    });
    frontier = next;
  }

  const notExposed = [...misses.values()].sort((a, b) =>
    a.link === b.link ? 0 : a.link === 'declared' ? -1 : 1,
  );
  return {
    leak,
    controllers: summarize(
      reached,
      leak,
      options.maxPathsPerController ?? DEFAULT_PATHS_PER_CONTROLLER,
    ),
    notExposed: notExposed.slice(0, options.maxNotExposed ?? DEFAULT_MAX_NOT_EXPOSED),
    notExposedCount: notExposed.length,
    truncated,
    unexplored,
    steps,
  };
}

function toPath(r: Reached, leak: Leak): ExposurePath {
  // Controller first: from the top of the walk down to the leak.
  const hops: Entrustment[] = [];
  const links: LinkKind[] = [r.ownLink];
  for (let w: Walk | null = r.walk; w !== null; w = w.below) {
    hops.push(w.top);
    if (w.below !== null) links.push(w.link);
  }
  const confirmed =
    links.every((l) => l === 'declared') &&
    hops.every(
      (h) => (h.confidence === 'confirmed' || h.confidence === 'reported') && h.data.length > 0,
    );
  const counts = [leak.records, ...hops.map((h) => h.records)].filter(
    (n): n is number => n !== undefined,
  );
  return {
    exposure: confirmed ? 'CONFIRMED' : 'POSSIBLE',
    hops,
    links,
    data: r.walk.data === null ? null : [...r.walk.data],
    aware: hops.every((h) => h.disclosed),
    records: counts.length > 0 ? Math.min(...counts) : undefined,
  };
}

const pathOrder = (a: ExposurePath, b: ExposurePath): number =>
  (a.exposure === b.exposure ? 0 : a.exposure === 'CONFIRMED' ? -1 : 1) ||
  a.hops.length - b.hops.length ||
  a.hops
    .map((h) => h.id)
    .join('/')
    .localeCompare(b.hops.map((h) => h.id).join('/'));

function summarize(reached: Reached[], leak: Leak, cap: number): AffectedController[] {
  return [...groupBy(reached, (r) => r.controller)]
    .map(([party, rs]) => {
      const seen = new Set<string>();
      const paths = rs
        .map((r) => toPath(r, leak))
        .filter((p) => {
          const key = p.hops.map((h) => h.id).join('/');
          return !seen.has(key) && seen.add(key) !== undefined;
        })
        .sort(pathOrder);
      const counts = paths.map((p) => p.records).filter((n): n is number => n !== undefined);
      return {
        party,
        exposure: paths.some((p) => p.exposure === 'CONFIRMED') ? 'CONFIRMED' : 'POSSIBLE',
        aware: paths.some((p) => p.aware),
        data: minimize(paths.flatMap((p) => p.data ?? [])),
        dataKnown: paths.every((p) => p.data !== null),
        subjects: [...new Set(paths.flatMap((p) => p.hops[0].subjects))].sort(),
        records: counts.length > 0 ? Math.max(...counts) : undefined,
        paths: paths.slice(0, cap),
        pathCount: paths.length,
      } satisfies AffectedController;
    })
    .sort(
      (a, b) =>
        (a.exposure === b.exposure ? 0 : a.exposure === 'CONFIRMED' ? -1 : 1) ||
        a.party.localeCompare(b.party),
    );
}

/**
 * Where the set-based answer counts a controller's paths only in part (pathsExact false), its
 * count must be a lower bound of the walk's; it is then given the walk's count, so that what
 * remains is compared exactly.
 */
export function checkCountBounds(
  t: Test,
  sets: { controllers: { party: string; pathCount: number; pathsExact: boolean }[] },
  walk: { controllers: { party: string; pathCount: number }[] },
): void {
  for (const c of sets.controllers) {
    if (c.pathsExact) continue;
    const walked = walk.controllers.find((w) => w.party === c.party)?.pathCount ?? 0;
    t.ok(c.pathCount <= walked, `${c.party}: at least ${c.pathCount} paths, of ${walked}`);
    c.pathCount = walked;
  }
}

/** What a person reads of an answer: every controller with its exposure, evidence and counts. */
export function summary(result: { controllers: readonly AffectedController[] }) {
  return result.controllers.map((c) => ({
    party: c.party,
    exposure: c.exposure,
    aware: c.aware,
    data: c.data,
    dataKnown: c.dataKnown,
    subjects: c.subjects,
    records: c.records,
    pathCount: c.pathCount,
    paths: c.paths.map((p) => ({
      exposure: p.exposure,
      hops: p.hops.map((h) => h.id),
      links: p.links,
      data: p.data,
      aware: p.aware,
      records: p.records,
    })),
  }));
}

type Misses = { notExposed: { entrustment: { id: string }; reason: string }[] };
export const misses = (result: Misses, cycles: boolean) =>
  result.notExposed
    .filter((n) => (n.reason === 'CYCLE') === cycles)
    .map((n) => `${n.entrustment.id} ${n.reason}`)
    .sort();
