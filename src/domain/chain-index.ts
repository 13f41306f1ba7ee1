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
  const unions = new SetUnions();
  const onStack = new Set<string>();

  // Iterative depth-first walk: chains can be long and the graph has a million entrustments.
  // `next` remembers how far a frame got through its upstreams, so a hub with thousands of them
  // is scanned once, not once per upstream.
  for (const start of entrustments) {
    if (roots.has(start.id)) continue;
    const stack: { e: Entrustment; ups: Entrustment[]; next: number }[] = [{ e: start, ups: upstreamOf(start), next: 0 }];
    onStack.add(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      while (top.next < top.ups.length && (roots.has(top.ups[top.next]!.id) || onStack.has(top.ups[top.next]!.id))) top.next += 1;
      const pending = top.ups[top.next];
      if (pending) {
        onStack.add(pending.id);
        stack.push({ e: pending, ups: upstreamOf(pending), next: 0 });
        continue;
      }
      roots.set(top.e.id, top.ups.length === 0 ? unions.single(top.e.client) : unions.of(top.ups.map((u) => roots.get(u.id))));
      onStack.delete(top.e.id);
      stack.pop();
    }
  }
  return roots;
}


/**
 * Unions of root sets, shared. In a vendor graph most entrustments below a hub carry the same few
 * root sets: identical sets are one object, and a union of the same sets is computed once.
 * Sets still being computed (the back edge of a cycle) come in as undefined and add nothing.
 */
export class SetUnions {
  private readonly ids = new WeakMap<ReadonlySet<string>, number>();
  private readonly cache = new Map<string, ReadonlySet<string>>();
  private readonly singles = new Map<string, ReadonlySet<string>>();
  private nextId = 0;

  single(member: string): ReadonlySet<string> {
    let set = this.singles.get(member);
    if (!set) this.singles.set(member, (set = new Set([member])));
    return set;
  }

  of(sets: readonly (ReadonlySet<string> | undefined)[]): ReadonlySet<string> {
    const distinct = [...new Set(sets.filter((x): x is ReadonlySet<string> => x !== undefined))];
    if (distinct.length === 0) return new Set();
    if (distinct.length === 1) return distinct[0]!;
    const key = distinct.map((x) => this.idOf(x)).sort((a, b) => a - b).join(',');
    let union = this.cache.get(key);
    if (!union) {
      // Start from the largest: the others are often subsets of it and add nothing new.
      distinct.sort((a, b) => b.size - a.size);
      const largest = distinct[0]!;
      const merged = new Set(largest);
      for (const x of distinct.slice(1)) for (const m of x) merged.add(m);
      union = merged.size === largest.size ? largest : merged;
      this.cache.set(key, union);
    }
    return union;
  }

  private idOf(set: ReadonlySet<string>): number {
    let id = this.ids.get(set);
    if (id === undefined) this.ids.set(set, (id = this.nextId++));
    return id;
  }
}
