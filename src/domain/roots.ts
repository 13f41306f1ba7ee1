import { byId, groupBy, performsByInference, underUnknown } from './links.js';
import type { Entrustment } from './model.js';
import type { EntrustmentLink } from './graph/link-graph.js';
import { ReadOnce, type ChainReads } from './graph/read-once.js';
import { BATCH_IDS, BATCH_PARTIES, readInBatches, Slices } from './graph/slices.js';

/**
 * The controllers at the root of each given entrustment's chain: walk up through `under`
 * (or, where it is absent, the entrustments it performs by inference) until entrustments of a
 * client's own data. One store round trip per level (in batches, and in slices: graph/slices.ts).
 */
export async function rootControllers(
  source: ChainReads,
  starts: readonly Entrustment[],
  slices = new Slices(),
): Promise<Map<string, string[]>> {
  // A client comes up at several levels, and a chain's findings read its records just before.
  const store = ReadOnce.over(source);
  // The walk up reads only links; a store with local reads gives them without decoding JSON.
  const links = store.links();
  const readIds = links
    ? async (ids: readonly string[]) => ids.flatMap((id) => links.get(id) ?? [])
    : (ids: readonly string[]) => store.entrustments(ids);
  const readInto = links
    ? async (parties: readonly string[]) => parties.flatMap((p) => links.into(p))
    : (parties: readonly string[]) => store.entrustmentsInto(parties);
  const known = new Map<string, EntrustmentLink>(starts.map((e) => [e.id, e]));
  const upstreamOf = new Map<string, string[]>();
  let level: EntrustmentLink[] = [...starts];
  while (level.length > 0) {
    const wantedIds = [...new Set(level.flatMap((e) => e.under ?? []))].filter(
      (id) => !known.has(id),
    );
    const wantedInto = [...new Set(level.filter(underUnknown).map((e) => e.client))];
    const [byIds, into] = await Promise.all([
      readInBatches(wantedIds, BATCH_IDS, readIds, slices),
      readInBatches(wantedInto, BATCH_PARTIES, readInto, slices),
    ]);
    for (const e of byIds) known.set(e.id, e);
    const intoClient = groupBy(into, (e) => e.contractor);
    const next = new Map<string, EntrustmentLink>();
    for (const e of level) {
      if (slices.due()) await slices.turn();
      const ups = e.under
        ? e.under.map((id) => known.get(id)).filter((u) => u !== undefined)
        : (intoClient.get(e.client) ?? []).filter((u) => performsByInference(e, u)).sort(byId);
      upstreamOf.set(
        e.id,
        ups.map((u) => u.id),
      );
      for (const u of ups) {
        known.set(u.id, u);
        if (!upstreamOf.has(u.id)) next.set(u.id, u);
      }
    }
    level = [...next.values()];
  }

  const memo = new Map<string, string[]>();
  const roots = new Map<string, string[]>();
  for (const e of starts) roots.set(e.id, await rootsOf(e.id, upstreamOf, known, memo, slices));
  return roots;
}

interface Frame {
  id: string;
  ups: string[];
  next: number;
  found: string[];
}

/**
 * The roots of `id`: its client when it performs nothing (or only what is already on the path
 * walked up to it), otherwise the sorted union of its upstreams' roots. Remembered per id in
 * `memo`. A walk with a stack of its own, in slices: chains can be deeper than the call stack,
 * and one walk can cover most of a large graph.
 */
async function rootsOf(
  start: string,
  upstreamOf: Map<string, string[]>,
  known: Map<string, EntrustmentLink>,
  memo: Map<string, string[]>,
  slices: Slices,
): Promise<string[]> {
  // How many times each id is on the path above the frame being entered (its own id excluded).
  const onPath = new Map<string, number>();
  const enter = (id: string): Frame => ({
    id,
    ups: (upstreamOf.get(id) ?? []).filter((u) => !onPath.get(u)),
    next: 0,
    found: [],
  });
  const cached = memo.get(start);
  if (cached) return cached;
  const stack: Frame[] = [enter(start)];
  for (;;) {
    if (slices.due()) await slices.turn();
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.ups.length) {
      const u = frame.ups[frame.next++]!;
      const remembered = memo.get(u);
      if (remembered) {
        for (const r of remembered) frame.found.push(r);
        continue;
      }
      onPath.set(frame.id, (onPath.get(frame.id) ?? 0) + 1);
      stack.push(enter(u));
      continue;
    }
    const result =
      frame.ups.length === 0 ? [known.get(frame.id)!.client] : [...new Set(frame.found)].sort();
    memo.set(frame.id, result);
    stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) return result;
    onPath.set(parent.id, onPath.get(parent.id)! - 1);
    for (const r of result) parent.found.push(r);
  }
}
