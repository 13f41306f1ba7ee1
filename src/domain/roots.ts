import { byId, groupBy, performsByInference, underUnknown } from './links.js';
import type { Entrustment } from './model.js';
import type { StorePort } from '../store/port.js';

/**
 * The controllers at the root of each given entrustment's chain: walk up through `under`
 * (or, where it is absent, the entrustments it performs by inference) until entrustments of a
 * client's own data. One store round trip per level.
 */
export async function rootControllers(store: StorePort, starts: readonly Entrustment[]): Promise<Map<string, string[]>> {
  const known = new Map(starts.map((e) => [e.id, e]));
  const upstreamOf = new Map<string, string[]>();
  let level = [...starts];
  while (level.length > 0) {
    const wantedIds = [...new Set(level.flatMap((e) => e.under ?? []))].filter((id) => !known.has(id));
    const wantedInto = [...new Set(level.filter(underUnknown).map((e) => e.client))];
    const [byIds, into] = await Promise.all([store.entrustments(wantedIds), store.entrustmentsInto(wantedInto)]);
    for (const e of byIds) known.set(e.id, e);
    const intoClient = groupBy(into, (e) => e.contractor);
    const next = new Map<string, Entrustment>();
    for (const e of level) {
      const ups = e.under
        ? e.under.map((id) => known.get(id)).filter((u): u is Entrustment => u !== undefined)
        : (intoClient.get(e.client) ?? []).filter((u) => performsByInference(e, u)).sort(byId);
      upstreamOf.set(e.id, ups.map((u) => u.id));
      for (const u of ups) {
        known.set(u.id, u);
        if (!upstreamOf.has(u.id)) next.set(u.id, u);
      }
    }
    level = [...next.values()];
  }

  const memo = new Map<string, string[]>();
  const rootsOf = (id: string, path: Set<string>): string[] => {
    const cached = memo.get(id);
    if (cached) return cached;
    const ups = (upstreamOf.get(id) ?? []).filter((u) => !path.has(u));
    const roots = ups.length === 0 ? [known.get(id)!.client] : [...new Set(ups.flatMap((u) => rootsOf(u, new Set([...path, id]))))].sort();
    memo.set(id, roots);
    return roots;
  };
  return new Map(starts.map((e) => [e.id, rootsOf(e.id, new Set())]));
}
