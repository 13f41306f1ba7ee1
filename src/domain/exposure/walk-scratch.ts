// A source that places its links (walk-link.ts) numbers them across everything it has read: after
// a hub's walk, 450k entrustments and 100k clients. A walk's arrays by place are then that long
// even for a leaf's walk, and allocating them (zeroed) took about a third of a six-month leaf's
// answer after a hub's. So one walk lends them to the next, cleared where it set them.

/** What a walk keeps by entrustment number and by client place. Each holds 0 for "none yet". */
export class WalkScratch<Split> {
  /** By entrustment number: the number of its own data, plus one. */
  linkData: Int32Array = new Int32Array(1024);
  /** By entrustment number: its first state, plus one. */
  firstState: Int32Array = new Int32Array(1024);
  /** By client place: the number of the party among the walk's ends, plus one. */
  partyAt: Int32Array = new Int32Array(1024);
  /** By client place: what goes into the client, split by the window. */
  readonly splitsAt: (Split | undefined)[] = [];
  // The entrustment numbers and client places whose entries were set: kept from walk to walk too,
  // as a hub's walk sets 450k of them.
  private numbered: Int32Array = new Int32Array(1024);
  private numberedCount = 0;
  private clients: Int32Array = new Int32Array(1024);
  private clientCount = 0;

  /** Entrustment number `n`'s entries are set. */
  setNumbered(n: number): void {
    if (this.numberedCount === this.numbered.length)
      this.numbered = widened(this.numbered, this.numberedCount);
    this.numbered[this.numberedCount++] = n;
  }

  /** Client place `c`'s entries are set. */
  setClient(c: number): void {
    if (this.clientCount === this.clients.length)
      this.clients = widened(this.clients, this.clientCount);
    this.clients[this.clientCount++] = c;
  }

  /** Every entry set cleared: the arrays as new, at the size they grew to. */
  clear(): void {
    for (let i = 0; i < this.numberedCount; i++)
      this.linkData[this.numbered[i]!] = this.firstState[this.numbered[i]!] = 0;
    for (let i = 0; i < this.clientCount; i++) {
      const c = this.clients[i]!;
      if (c < this.partyAt.length) this.partyAt[c] = 0;
      if (c < this.splitsAt.length) this.splitsAt[c] = undefined;
    }
    this.numberedCount = this.clientCount = 0;
  }
}

/** `array` doubled until index `n` is in it, the new entries 0. */
export function widened<T extends Int32Array | Uint8Array>(array: T, n: number): T {
  let size = Math.max(array.length, 1);
  while (size <= n) size *= 2;
  const grown = (array instanceof Int32Array ? new Int32Array(size) : new Uint8Array(size)) as T;
  grown.set(array);
  return grown;
}

// One spare, lent to one walk at a time: walks that overlap (in rounds, on Neo4j) make their own,
// and the last given back is kept. A walk that throws gives nothing back.
let spare: WalkScratch<unknown> | null = null;

export function borrowScratch<Split>(): WalkScratch<Split> {
  const lent = (spare ?? new WalkScratch()) as WalkScratch<Split>;
  spare = null;
  return lent;
}

export function giveBack<Split>(scratch: WalkScratch<Split>): void {
  scratch.clear();
  spare = scratch as WalkScratch<unknown>;
}
