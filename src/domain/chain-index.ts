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
    after = page[page.length - 1]!.id;
  }
}

/** A set of controllers as bits over RootIndex.controllers: unions are word-wise ORs. */
export type Bitset = Uint32Array;

export interface RootIndex {
  controllers: string[];
  /** Root controllers of each entrustment; entrustments with equal roots often share one bitset. */
  roots: Map<string, Bitset>;
}

/**
 * Root controllers of every entrustment, computed once for the whole graph with memoisation:
 * roots(E) = {E.client} when E performs nothing (the client's own data), else the union of the
 * roots of what E performs (declared, or inferred where `under` is absent). A back edge of a
 * cycle contributes nothing. Sets are bitsets, so a union below a hub costs words, not members.
 */
export function rootsOfAll(entrustments: readonly Entrustment[]): RootIndex {
  const byId = new Map(entrustments.map((e) => [e.id, e]));
  const into = groupBy(entrustments, (e) => e.contractor);
  const ups = new Map<string, Entrustment[]>();
  for (const e of entrustments) {
    const found: Entrustment[] = [];
    if (e.under !== undefined) {
      for (const id of e.under) {
        const u = byId.get(id);
        if (u !== undefined) found.push(u);
      }
    } else {
      for (const u of into.get(e.client) ?? []) if (performsByInference(e, u)) found.push(u);
    }
    ups.set(e.id, found);
  }
  const controllers = [...new Set(entrustments.filter((e) => ups.get(e.id)!.length === 0).map((e) => e.client))].sort();
  const unions = new BitsetUnions(controllers);
  const roots = new Map<string, Bitset>();
  const onStack = new Set<string>();

  // Iterative depth-first walk: chains can be long and the graph has a million entrustments.
  // `next` remembers how far a frame got through its upstreams, so a hub with thousands of them
  // is scanned once, not once per upstream.
  for (const start of entrustments) {
    if (roots.has(start.id)) continue;
    const stack: { e: Entrustment; ups: Entrustment[]; next: number }[] = [{ e: start, ups: ups.get(start.id)!, next: 0 }];
    onStack.add(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      while (top.next < top.ups.length && (roots.has(top.ups[top.next]!.id) || onStack.has(top.ups[top.next]!.id))) top.next += 1;
      const pending = top.ups[top.next];
      if (pending) {
        onStack.add(pending.id);
        stack.push({ e: pending, ups: ups.get(pending.id)!, next: 0 });
        continue;
      }
      roots.set(top.e.id, top.ups.length === 0 ? unions.single(top.e.client) : unions.of(top.ups.map((u) => roots.get(u.id))));
      onStack.delete(top.e.id);
      stack.pop();
    }
  }
  return { controllers, roots };
}

export function popcount(set: Bitset): number {
  let n = 0;
  for (let i = 0; i < set.length; i++) {
    let v = set[i]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/**
 * Unions of root bitsets, shared: identical sets are one object and the union of the same sets
 * is computed once. Sets still being computed (a cycle's back edge) arrive as undefined.
 */
export class BitsetUnions {
  private readonly ids = new WeakMap<Bitset, number>();
  private readonly sizes = new WeakMap<Bitset, number>();
  private readonly cache = new Map<string, Bitset>();
  private readonly singles = new Map<string, Bitset>();
  private readonly bit: Map<string, number>;
  private readonly words: number;
  private nextId = 0;
  private readonly scratch: Bitset;

  constructor(controllers: readonly string[]) {
    this.bit = new Map(controllers.map((c, i) => [c, i]));
    this.words = Math.max(1, Math.ceil(controllers.length / 32));
    this.scratch = new Uint32Array(this.words);
  }

  empty(): Bitset {
    return new Uint32Array(this.words);
  }

  single(controller: string): Bitset {
    let set = this.singles.get(controller);
    if (!set) {
      set = this.empty();
      const i = this.bit.get(controller)!;
      set[i >>> 5] = 1 << (i & 31);
      this.singles.set(controller, set);
    }
    return set;
  }

  of(sets: readonly (Bitset | undefined)[]): Bitset {
    const distinct = [...new Set(sets.filter((x): x is Bitset => x !== undefined))];
    if (distinct.length === 0) return this.empty();
    if (distinct.length === 1) return distinct[0]!;
    const key = distinct.map((x) => this.idOf(x)).sort((a, b) => a - b).join(',');
    let union = this.cache.get(key);
    if (!union) {
      // OR into a scratch buffer first: below a hub most unions add nothing to their largest
      // part, and then that part is shared instead of allocating a copy of it.
      const merged = this.scratch.fill(0);
      for (const x of distinct) for (let i = 0; i < merged.length; i++) merged[i]! |= x[i]!;
      const largest = distinct.reduce((a, b) => (this.sizeOf(b) > this.sizeOf(a) ? b : a));
      union = this.sizeOf(largest) === popcount(merged) ? largest : merged.slice();
      this.cache.set(key, union);
    }
    return union;
  }

  private sizeOf(set: Bitset): number {
    let n = this.sizes.get(set);
    if (n === undefined) this.sizes.set(set, (n = popcount(set)));
    return n;
  }

  private idOf(set: Bitset): number {
    let id = this.ids.get(set);
    if (id === undefined) this.ids.set(set, (id = this.nextId++));
    return id;
  }
}
