import { byId, groupBy, performsByInference, underUnknown } from './links.js';
import type { Entrustment } from './model.js';
import type { EntrustmentLink } from './graph/link-graph.js';
import { ReadOnce, type ChainReads } from './graph/read-once.js';
import { ReadSoFar } from './exposure/rounds.js';
import { mergeSorted } from './graph/sorted-ids.js';
import type { UpstreamSource } from './exposure/walk-link.js';
import { reachedByComponent } from './graph/components.js';
import { BATCH_IDS, BATCH_PARTIES, readInBatches, Slices } from './graph/slices.js';
import { keptPerGeneration } from './graph/per-generation.js';
import type { StorePort } from '../store/port.js';

/**
 * What walks up learn of one generation of the register: the upstreams of each entrustment (in
 * the order the walk takes them) and its client. The same for every walk over that generation, so
 * the walks of many controllers' findings share one (redelegation.ts keeps it per generation).
 * Only complete walks add to it: an entrustment in it has its upstreams in it too.
 */
export interface UpIndex {
  readonly ups: Map<string, readonly string[]>;
  readonly clients: Map<string, string>;
  /**
   * The root controllers of every entrustment a complete walk reached (each one's upstreams are
   * in `ups`): a walk that meets one stops there. A leaf's group reached by a hub's clients walked
   * 345k entrustments up on every ask (bench/generate.ts at 100k parties) to the same 57k lists.
   */
  readonly roots: Map<string, readonly string[]>;
}

export const emptyUpIndex = (): UpIndex => ({
  ups: new Map(),
  clients: new Map(),
  roots: new Map(),
});

// A chain that reaches a hub walks up to the root controllers over most of the register, and
// every controller's walk meets the same upstreams (a chain's findings, a group's exposure): what
// they learn is kept per generation.
const upIndexes = keptPerGeneration(['entrustments'], emptyUpIndex);

/**
 * What walks up to the root controllers have learned of `store`'s current generation.
 * @param asked the generation the asker read before its reads (PerGeneration.get).
 */
export function keptUpIndex(store: StorePort, asked?: Promise<number>): Promise<UpIndex> {
  return upIndexes(store, asked);
}

/**
 * The controllers at the root of each given entrustment's chain: walk up through `under`
 * (or, where it is absent, the entrustments it performs by inference) until entrustments of a
 * client's own data. One store round trip per level (in batches, and in slices: graph/slices.ts),
 * none for what `index` already holds. Where the store is read in rounds, `rounds` is what they
 * read into: the store's kept rows (exposure/kept-reads.ts) spare what other walks read.
 * Each list is sorted, without repeats, and may be shared between entrustments: read it only.
 */
export async function rootControllers(
  source: ChainReads,
  starts: readonly Entrustment[],
  slices = new Slices(),
  index: UpIndex = emptyUpIndex(),
  rounds: ReadSoFar = new ReadSoFar(),
): Promise<Map<string, readonly string[]>> {
  // A client comes up at several levels, and a chain's findings read its records just before.
  const store = ReadOnce.over(source);
  // The walk up reads only links; a store with local reads gives them without decoding JSON.
  // Elsewhere (Neo4j) they are read in rounds, a query per level for what the level's `under`
  // names and what goes into the clients it reaches by inference (with the declared chains above
  // them, read ahead): only what the walk takes, where one expansion above the starting clients
  // read most of the graph (7 s for a leaf's group in the bench's 10k-party register).
  const local = store.links();
  const remote = local ? null : rounds;
  const links: UpstreamSource = local ?? remote!;
  const round = (parties: readonly string[], ids: readonly string[]) =>
    remote?.readMissing((p, i) => store.upstreamRound(p, i, {}), parties, ids);
  const readIds = async (ids: readonly string[]) => {
    await round([], ids);
    return ids.flatMap((id) => links.get(id) ?? []);
  };
  const readInto = async (parties: readonly string[]) => {
    await round(parties, []);
    return parties.flatMap((p) => links.into(p));
  };
  const known = new Map<string, EntrustmentLink>(starts.map((e) => [e.id, e]));
  const upstreamOf = new Map<string, readonly string[]>();
  const clientOf = new Map<string, string>();
  let level = starts.map((e) => e.id);
  while (level.length > 0) {
    // Roots known: walked no further (rootsByComponent gives them as they are).
    for (const id of level)
      if (index.roots.has(id)) {
        upstreamOf.set(id, []);
        clientOf.set(id, index.clients.get(id)!);
      }
    level = level.filter((id) => !index.roots.has(id));
    const fresh = level.filter((id) => !index.ups.has(id));
    // Reached from an entrustment the index holds, yet not in it: never after a complete walk.
    const unread = [...new Set(fresh.filter((id) => !known.has(id)))];
    for (const e of await readInBatches(unread, BATCH_IDS, readIds, slices)) known.set(e.id, e);
    const freshLinks = fresh.flatMap((id) => known.get(id) ?? []);
    const wantedIds = [...new Set(freshLinks.flatMap((e) => e.under ?? []))].filter(
      (id) => !known.has(id),
    );
    const wantedInto = [...new Set(freshLinks.filter(underUnknown).map((e) => e.client))];
    // Both in one round where the store is read in rounds.
    await round(wantedInto, wantedIds);
    const [byIds, into] = await Promise.all([
      readInBatches(wantedIds, BATCH_IDS, readIds, slices),
      readInBatches(wantedInto, BATCH_PARTIES, readInto, slices),
    ]);
    for (const e of byIds) known.set(e.id, e);
    const intoClient = groupBy(into, (e) => e.contractor);
    const next = new Set<string>();
    for (const id of level) {
      if (slices.due()) await slices.turn();
      let ups = index.ups.get(id);
      if (ups) clientOf.set(id, index.clients.get(id)!);
      else {
        const e = known.get(id);
        if (!e) continue;
        const upLinks = e.under
          ? e.under.map((u) => known.get(u)).filter((u) => u !== undefined)
          : (intoClient.get(e.client) ?? []).filter((u) => performsByInference(e, u)).sort(byId);
        for (const u of upLinks) known.set(u.id, u);
        ups = upLinks.map((u) => u.id);
        clientOf.set(id, e.client);
      }
      upstreamOf.set(id, ups);
      for (const u of ups) if (!upstreamOf.has(u)) next.add(u);
    }
    level = [...next];
  }
  // The walk is complete: what it learned serves the next walks over the same generation.
  for (const [id, ups] of upstreamOf)
    if (!index.ups.has(id)) {
      index.ups.set(id, ups);
      index.clients.set(id, clientOf.get(id)!);
    }

  return rootsByComponent(starts, upstreamOf, clientOf, slices, index.roots);
}

/**
 * The roots of each start, from the complete walk up: the clients of the entrustments of own data
 * (performing nothing) that it performs, directly or through others — the rule concentration
 * follows (graph/root-controllers.ts). Entrustments on a cycle reach each other, so they have the
 * same roots: the walked graph is condensed to its strongly connected components, each computed
 * once after those it performs. The answer for an entrustment is the same whichever others are
 * asked with it (a walk that remembered what it found partway round a cycle was not).
 */
async function rootsByComponent(
  starts: readonly Entrustment[],
  upstreamOf: ReadonlyMap<string, readonly string[]>,
  clientOf: ReadonlyMap<string, string>,
  slices: Slices,
  known: Map<string, readonly string[]>,
): Promise<Map<string, readonly string[]>> {
  const ids = [...upstreamOf.keys()];
  const position = new Map(ids.map((id, i) => [id, i]));
  const start = new Int32Array(ids.length + 1);
  const edges: number[] = [];
  ids.forEach((id, i) => {
    for (const u of upstreamOf.get(id)!) {
      const k = position.get(u);
      if (k !== undefined) edges.push(k);
    }
    start[i + 1] = edges.length;
  });
  // One list per client for the entrustments that carry its own data.
  const own = new Map<string, readonly string[]>();
  const ownOf = (client: string) => {
    let list = own.get(client);
    if (list === undefined) own.set(client, (list = [client]));
    return list;
  };
  const { of, values } = await reachedByComponent(
    start,
    Int32Array.from(edges),
    // Known roots are given (the walk stopped there); an entrustment that performs nothing
    // carries its client's own data.
    (i) => known.get(ids[i]!) ?? (start[i] === start[i + 1] ? ownOf(clientOf.get(ids[i]!)!) : null),
    unionOf,
    slices,
  );
  // Every entrustment walked has its roots now, whichever starts brought the walk to it: the walk
  // up from it was complete.
  for (const [i, id] of ids.entries()) if (!known.has(id)) known.set(id, values[of[i]!]!);
  const roots = new Map<string, readonly string[]>();
  for (const e of starts) {
    const i = position.get(e.id);
    if (i !== undefined) roots.set(e.id, values[of[i]!]!);
  }
  return roots;
}

/**
 * The sorted union of root lists, each sorted and without repeats. Lists are shared between
 * entrustments (a chain of single upstreams passes one list along, and a union that adds nothing
 * to one of its lists is that list), so a hub's thousands of upstreams often bring a handful of
 * distinct lists: they are merged in pairs, never sorted again.
 */
function unionOf(found: readonly (readonly string[])[]): readonly string[] {
  let lists = [...new Set(found)];
  while (lists.length > 1) {
    const merged: (readonly string[])[] = [];
    for (let i = 0; i < lists.length; i += 2)
      merged.push(i + 1 < lists.length ? mergeSorted(lists[i]!, lists[i + 1]!) : lists[i]!);
    lists = merged;
  }
  return lists[0] ?? [];
}
