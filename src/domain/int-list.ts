/** `array` doubled until index `n` is in it, the new entries 0. */
export function widened<T extends Int32Array | Uint8Array>(array: T, n: number): T {
  let size = Math.max(array.length, 1);
  while (size <= n) size *= 2;
  const grown = (array instanceof Int32Array ? new Int32Array(size) : new Uint8Array(size)) as T;
  grown.set(array);
  return grown;
}

/**
 * A list of integers in one typed array, doubled as it fills: no object per entry for the
 * collector to follow, and its room kept when it is cleared.
 */
export class Int32List {
  private items: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) this.items = widened(this.items, this.length);
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index]!;
  }

  /** The values pushed, in an array of their own. */
  copy(): Int32Array {
    return this.items.slice(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
