import { Int32List } from '../int-list.js';

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
  readonly numbered = new Int32List();
  readonly clients = new Int32List();

  /** Every entry set cleared: the arrays as new, at the size they grew to. */
  clear(): void {
    for (let i = 0; i < this.numbered.length; i++)
      this.linkData[this.numbered.at(i)] = this.firstState[this.numbered.at(i)] = 0;
    for (let i = 0; i < this.clients.length; i++) {
      const c = this.clients.at(i);
      if (c < this.partyAt.length) this.partyAt[c] = 0;
      if (c < this.splitsAt.length) this.splitsAt[c] = undefined;
    }
    this.numbered.clear();
    this.clients.clear();
  }
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
