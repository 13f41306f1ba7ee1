import { byId, groupBy, performsByInference, type Linked } from './links.js';
import type { StorePort } from '../store/port.js';
import { Slices } from './graph/slices.js';

/**
 * The controllers at the root of each given entrustment's chain: walk up through `under`
 * (or, where it is absent, the entrustments it performs by inference) until entrustments of a
 * client's own data. One store read whatever the depth (the sub-graph above the starts' clients,
 * as compact rows), walked here level by level (in slices: graph/slices.ts).
 */
export async function rootControllers(
  store: StorePort,
  starts: readonly Linked[],
  slices = new Slices(),
): Promise<Map<string, string[]>> {
  const known = new Map<string, Linked>(starts.map((e) => [e.id, e]));
  const upstreamOf = new Map<string, string[]>();
  if (starts.length === 0) return new Map();
  // A declared `under` names an entrustment into its client, so the rows into the clients and
  // upward (of any period: no window) hold every upstream the walk can meet.
  const rows = await store.upstreamLinks([...new Set(starts.map((e) => e.client))], {});
  for (const r of rows) if (!known.has(r.id)) known.set(r.id, r);
  const intoParty = groupBy(rows, (e) => e.contractor);
  let level: Linked[] = [...starts];
  while (level.length > 0) {
    const next = new Map<string, Linked>();
    for (const e of level) {
      if (slices.due()) await slices.turn();
      const ups = e.under
        ? e.under.map((id) => known.get(id)).filter((u): u is Linked => u !== undefined)
        : (intoParty.get(e.client) ?? []).filter((u) => performsByInference(e, u)).sort(byId);
      upstreamOf.set(
        e.id,
        ups.map((u) => u.id),
      );
      for (const u of ups) if (!upstreamOf.has(u.id)) next.set(u.id, u);
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
  known: Map<string, Linked>,
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
