import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long whole-graph work may hold the event loop before it gives other requests a turn, in ms. */
export const SLICE_MS = 10;

/**
 * Whole-graph answers (findings, concentration) are computed on the main thread in slices: their
 * loops ask `due()` and, when a slice's time is spent, await `turn()`, so /healthz and small
 * queries answer between slices (issue 10: the event loop is never held for long). The same code
 * serves both stores, and nothing has to cross to a thread. `due()` reads the clock only every
 * `every` calls: loops of tiny steps stay as fast as they were.
 */
export class Slices {
  private calls = 0;
  private since = performance.now();

  constructor(
    private readonly ms = SLICE_MS,
    private readonly every = 128,
  ) {}

  due(): boolean {
    if (++this.calls < this.every) return false;
    this.calls = 0;
    return performance.now() - this.since >= this.ms;
  }

  /** One turn of the event loop (timers, I/O, other requests), then a new slice. */
  async turn(): Promise<void> {
    await nextTurn();
    this.since = performance.now();
  }

  /** `turn()` when the slice is spent, reading the clock every time: for steps that each take a while. */
  async pause(): Promise<void> {
    if (performance.now() - this.since >= this.ms) await this.turn();
  }
}

/** Batch sizes of readInBatches: ids of records, and parties whose entrustments are read (each has several). */
export const BATCH_IDS = 500;
export const BATCH_PARTIES = 50;

/**
 * `read(ids)` in batches of `size`, with a turn between batches when the slice is spent: a store
 * read of many records decodes them all in one piece (the embedded store reads synchronously).
 */
export async function readInBatches<T>(
  ids: readonly string[],
  size: number,
  read: (ids: readonly string[]) => Promise<T[]>,
  slices: Slices,
): Promise<T[]> {
  const found: T[] = [];
  for (let k = 0; k < ids.length; k += size) {
    for (const record of await read(ids.slice(k, k + size))) found.push(record);
    await slices.pause();
  }
  return found;
}

const RUN = 1024;

/**
 * `items` sorted by `compare`, in slices: runs sorted natively, then merged pass by pass. Both are
 * stable, so the order is exactly that of `items.sort(compare)`.
 */
export async function sortInSlices<T>(
  items: T[],
  compare: (a: T, b: T) => number,
  slices: Slices,
): Promise<T[]> {
  const n = items.length;
  let from = items.slice();
  for (let lo = 0; lo < n; lo += RUN) {
    const run = from.slice(lo, lo + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) from[lo + k] = run[k]!;
    await slices.pause();
  }
  let to: T[] = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        // Ties take the left run first: stable.
        to[k] = i < mid && (j >= hi || compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if (slices.due()) await slices.turn();
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
