import { inForce, type IsoDate } from './dates.js';
import { inferenceMatcher } from './inference-matcher.js';
import type { Entrustment } from './model.js';
import type { StorePort } from '../store/port.js';

const PAGE = 10_000;

const NONE: string[] = [];

/**
 * What whole-graph questions read of an entrustment: its links, period, data and records. The
 * rest (purposes, subjects, countries, sources…) is dropped as each page is read, so a million
 * entrustments stay small in memory and garbage collection has less to walk.
 */
function slim(e: Entrustment): Entrustment {
  return {
    id: e.id, client: e.client, contractor: e.contractor, under: e.under, data: e.data, from: e.from, to: e.to, records: e.records,
    purposes: NONE, subjects: NONE, approvedBy: NONE, storage: NONE, access: NONE, sources: NONE,
    reentrustment: e.reentrustment, disclosed: e.disclosed, confidence: e.confidence,
  };
}

/**
 * The whole graph's entrustments in memory, read once in pages and slimmed, for the whole-graph
 * questions (concentration) that would otherwise cost one traversal per party.
 */
export async function loadAllEntrustments(store: StorePort, asOf?: IsoDate): Promise<Entrustment[]> {
  const all: Entrustment[] = [];
  for (let after: string | null = null; ; ) {
    const page = await store.scanEntrustments(after, PAGE);
    for (const e of page) if (!asOf || inForce(e, asOf)) all.push(slim(e));
    if (page.length < PAGE) return all;
    after = page[page.length - 1]!.id;
  }
}

/** A set of controllers as bits over RootIndex.controllers: unions are word-wise ORs. */
export type Bitset = Uint32Array;

export interface RootIndex {
  controllers: string[];
  /** Root controllers of each entrustment, by its position; equal roots often share one bitset. */
  roots: Bitset[];
}

/**
 * Root controllers of every entrustment, computed once for the whole graph with memoisation:
 * roots(E) = {E.client} when E performs nothing (the client's own data), else the union of the
 * roots of what E performs (declared, or inferred where `under` is absent). A back edge of a
 * cycle contributes nothing. Sets are bitsets, so a union below a hub costs words, not members.
 */
export function rootsOfAll(entrustments: readonly Entrustment[]): RootIndex {
  // Entrustments are numbered by position and the graph is kept in flat typed arrays: on a
  // million entrustments, string-keyed maps and per-node objects cost more than the unions.
  const n = entrustments.length;
  const position = new Map<string, number>();
  const into = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const e = entrustments[i]!;
    position.set(e.id, i);
    const list = into.get(e.contractor);
    if (list) list.push(i);
    else into.set(e.contractor, [i]);
  }
  const performs = inferenceMatcher(entrustments);
  const upStart = new Int32Array(n + 1);
  const upList: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = entrustments[i]!;
    if (e.under !== undefined) {
      for (const id of e.under) {
        const u = position.get(id);
        if (u !== undefined) upList.push(u);
      }
    } else {
      const candidates = into.get(e.client);
      if (candidates) for (const j of candidates) if (performs(i, j)) upList.push(j);
    }
    upStart[i + 1] = upList.length;
  }
  const ups = Int32Array.from(upList);
  const controllers = [...new Set(entrustments.filter((_, i) => upStart[i] === upStart[i + 1]).map((e) => e.client))].sort();
  const unions = new BitsetUnions(controllers);
  const roots: (Bitset | undefined)[] = new Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const next = new Int32Array(n);

  // Iterative depth-first walk: chains can be long. `next` remembers how far each entrustment on
  // the stack got through its upstreams, so a hub with thousands of them is scanned once.
  for (let start = 0; start < n; start++) {
    if (roots[start] !== undefined) continue;
    let depth = 0;
    stack[depth++] = start;
    onStack[start] = 1;
    next[start] = upStart[start]!;
    while (depth > 0) {
      const top = stack[depth - 1]!;
      let k = next[top]!;
      while (k < upStart[top + 1]! && (roots[ups[k]!] !== undefined || onStack[ups[k]!] === 1)) k++;
      next[top] = k;
      if (k < upStart[top + 1]!) {
        const pending = ups[k]!;
        onStack[pending] = 1;
        next[pending] = upStart[pending]!;
        stack[depth++] = pending;
        continue;
      }
      const from = upStart[top]!;
      const to = upStart[top + 1]!;
      if (from === to) roots[top] = unions.single(entrustments[top]!.client);
      else {
        const sets: (Bitset | undefined)[] = [];
        for (let j = from; j < to; j++) sets.push(roots[ups[j]!]);
        roots[top] = unions.of(sets);
      }
      onStack[top] = 0;
      depth--;
    }
  }
  return { controllers, roots: roots as Bitset[] };
}

/** dst |= src, word by word; unrolled, as this loop is most of a whole-graph analysis's time. */
export function orInto(dst: Bitset, src: Bitset): void {
  const n = dst.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    dst[i] = dst[i]! | src[i]!;
    dst[i + 1] = dst[i + 1]! | src[i + 1]!;
    dst[i + 2] = dst[i + 2]! | src[i + 2]!;
    dst[i + 3] = dst[i + 3]! | src[i + 3]!;
  }
  for (; i < n; i++) dst[i] = dst[i]! | src[i]!;
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
 * Unions of root bitsets. Below a hub most unions add nothing to their largest part, and then
 * that part is shared instead of stored again. Sets still being computed (a cycle's back edge)
 * arrive as undefined and add nothing. (Caching unions by their parts was tried: on the benchmark
 * graph fewer than 1% of them repeat, and building the keys cost more than it saved.)
 */
const SLAB_WORDS = 4 * 1024 * 1024;

export class BitsetUnions {
  // A Map, not a WeakMap: every set lives as long as this object, and large WeakMaps slow the GC.
  private readonly sizes = new Map<Bitset, number>();
  private readonly singles = new Map<string, Bitset>();
  private readonly bit: Map<string, number>;
  private readonly words: number;
  private readonly scratch: Bitset;
  private slab = new Uint32Array(0);
  private slabUsed = 0;
  /** Shared by every union that has nothing yet (all its parts are on a cycle): never written. */
  private readonly none: Bitset;

  constructor(controllers: readonly string[]) {
    this.bit = new Map(controllers.map((c, i) => [c, i]));
    this.words = Math.max(1, Math.ceil(controllers.length / 32));
    this.scratch = new Uint32Array(this.words);
    this.none = this.empty();
  }

  empty(): Bitset {
    // Bitsets are views into shared slabs: a hundred thousand separate 4 KiB buffers would each
    // be an external allocation (measured: roots on the 100k graph went from 13.5 s to 9.8 s).
    if (this.slabUsed + this.words > this.slab.length) {
      this.slab = new Uint32Array(Math.max(this.words, SLAB_WORDS));
      this.slabUsed = 0;
    }
    const set = this.slab.subarray(this.slabUsed, this.slabUsed + this.words);
    this.slabUsed += this.words;
    return set;
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
    if (sets.length === 1) return sets[0] ?? this.none;
    const distinct: Bitset[] = [];
    for (const x of sets) if (x !== undefined && !distinct.includes(x)) distinct.push(x);
    if (distinct.length === 0) return this.none;
    if (distinct.length === 1) return distinct[0]!;
    const merged = this.scratch;
    merged.set(distinct[0]!);
    for (let k = 1; k < distinct.length; k++) orInto(merged, distinct[k]!);
    const largest = distinct.reduce((a, b) => (this.sizeOf(b) > this.sizeOf(a) ? b : a));
    if (this.sizeOf(largest) === popcount(merged)) return largest;
    const union = this.empty();
    union.set(merged);
    return union;
  }

  private sizeOf(set: Bitset): number {
    let n = this.sizes.get(set);
    if (n === undefined) this.sizes.set(set, (n = popcount(set)));
    return n;
  }
}
