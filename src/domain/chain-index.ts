import { inForce, type IsoDate } from './dates.js';
import { groupBy, performsByInference } from './links.js';
import type { Entrustment } from './model.js';
import type { StorePort } from '../store/port.js';

const PAGE = 10_000;

/**
 * The whole graph's entrustments in memory, read once in pages, for the whole-graph questions
 * (concentration) that would otherwise cost one traversal per party.
 */
export async function loadAllEntrustments(store: StorePort, asOf?: IsoDate): Promise<Entrustment[]> {
  const all: Entrustment[] = [];
  for (let after: string | null = null; ; ) {
    const page = await store.scanEntrustments(after, PAGE);
    for (const e of page) if (!asOf || inForce(e, asOf)) all.push(e);
    if (page.length < PAGE) return all;
    after = page[page.length - 1].id;
  }
}

/**
 * Root controllers of every entrustment, computed once for the whole graph with memoisation:
 * roots(E) = {E.client} for the client's own data, else the union of the roots of what E performs
 * (declared, or inferred where `under` is absent). A back edge of a cycle contributes nothing.
 */
export function rootsOfAll(entrustments: readonly Entrustment[]): Map<string, ReadonlySet<string>> {
  const byId = new Map(entrustments.map((e) => [e.id, e]));
  const into = groupBy(entrustments, (e) => e.contractor);
  const upstreamOf = (e: Entrustment): Entrustment[] =>
    e.under !== undefined
      ? e.under.map((id) => byId.get(id)).filter((u): u is Entrustment => u !== undefined)
      : (into.get(e.client) ?? []).filter((u) => performsByInference(e, u));
  const roots = new Map<string, ReadonlySet<string>>();
  const onStack = new Set<string>();

  // Iterative depth-first walk: chains can be long and the graph has a million entrustments.
  for (const start of entrustments) {
    if (roots.has(start.id)) continue;
    const stack: { e: Entrustment; ups: Entrustment[] }[] = [{ e: start, ups: upstreamOf(start) }];
    onStack.add(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const pending = top.ups.find((u) => !roots.has(u.id) && !onStack.has(u.id));
      if (pending) {
        onStack.add(pending.id);
        stack.push({ e: pending, ups: upstreamOf(pending) });
        continue;
      }
      const finished = top.ups.filter((u) => roots.has(u.id));
      const set = new Set<string>();
      if (top.ups.length === 0) set.add(top.e.client);
      for (const u of finished) for (const r of roots.get(u.id)!) set.add(r);
      roots.set(top.e.id, finished.length === 1 ? roots.get(finished[0].id)! : set);
      onStack.delete(top.e.id);
      stack.pop();
    }
  }
  return roots;
}
