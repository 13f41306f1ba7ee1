import { Slices } from './slices.js';
import { sortedIndex } from './sorted-ids.js';
import { asSet, overlaps } from '../categories.js';
import { inForce, type IsoDate } from '../dates.js';
import type { Entrustment } from '../model.js';
import { walkLink } from '../exposure/walk-link.js';

/** What whole-graph questions read of an entrustment: its links, period, data and records. */
export type EntrustmentLink = Pick<
  Entrustment,
  'id' | 'client' | 'contractor' | 'under' | 'data' | 'from' | 'to' | 'records'
>;

export const UNDER_ABSENT = 0;
export const UNDER_EMPTY = 1;
export const UNDER_LISTED = 2;

/** The link fields of an entrustment (not a record's others), as every link is made (walk-link.ts). */
export const linkOf = (e: EntrustmentLink): EntrustmentLink =>
  walkLink({
    id: e.id,
    client: e.client,
    contractor: e.contractor,
    data: e.data,
    under: e.under,
    from: e.from,
    to: e.to,
    records: e.records,
  });

const OPEN_START = -1;
const OPEN_END = 0x7fffffff;

/** YYYY-MM-DD as the number YYYYMMDD: it orders like the date, and compares without strings. */
function dayNumber(date: string): number {
  let n = 0;
  for (let i = 0; i < date.length; i++) {
    const c = date.charCodeAt(i);
    if (c !== 45) n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * The entrustments of the whole graph in columns, by position: parties and data lists are
 * numbered once, periods are numbers. On a million entrustments, objects held per entrustment
 * (and the garbage collection they cause) cost more than the analysis itself.
 */
export interface LinkGraph {
  readonly size: number;
  readonly ids: readonly string[];
  readonly parties: readonly string[];
  readonly client: Int32Array;
  readonly contractor: Int32Array;
  /** Records entrusted by entrustment i; NaN where the register does not record the count. */
  readonly records: Float64Array;
  /** UNDER_ABSENT (links to be inferred), UNDER_EMPTY (the client's own data) or UNDER_LISTED. */
  readonly underKind: Uint8Array;
  /** Declared upstreams of entrustment i: positions upStart[i] … upStart[i + 1] of `under`. */
  readonly underStart: Int32Array;
  /** Positions of the declared upstreams that are in the graph (the rest are not in force). */
  readonly under: Int32Array;
  /** Entrustments into party p: intoList[intoStart[p]] … intoList[intoStart[p + 1] - 1]. */
  readonly intoStart: Int32Array;
  readonly intoList: Int32Array;
  /** performsByInference (links.ts) by position: the same rule, read from the columns. */
  performsByInference(e: number, u: number): boolean;
}

/** Collects entrustment links page by page (keeping only those in force on `asOf`, if given). */
export class LinkGraphBuilder {
  private readonly ids: string[] = [];
  private readonly partyIndex = new Map<string, number>();
  private readonly parties: string[] = [];
  private readonly listIndex = new Map<string, number>();
  private readonly lists: (readonly string[])[] = [];
  private client: number[] = [];
  private contractor: number[] = [];
  private from: number[] = [];
  private to: number[] = [];
  private list: number[] = [];
  private records: number[] = [];
  private underKind: number[] = [];
  private underCount: number[] = [];
  private underRefs: string[] = [];

  constructor(private readonly asOf?: IsoDate) {}

  add(e: EntrustmentLink): void {
    if (this.asOf !== undefined && !inForce(e, this.asOf)) return;
    this.ids.push(e.id);
    this.client.push(this.party(e.client));
    this.contractor.push(this.party(e.contractor));
    this.from.push(e.from ? dayNumber(e.from) : OPEN_START);
    this.to.push(e.to ? dayNumber(e.to) : OPEN_END);
    this.list.push(this.dataList(e.data));
    this.records.push(e.records ?? NaN);
    this.underKind.push(
      e.under === undefined ? UNDER_ABSENT : e.under.length === 0 ? UNDER_EMPTY : UNDER_LISTED,
    );
    this.underCount.push(e.under?.length ?? 0);
    if (e.under) for (const id of e.under) this.underRefs.push(id);
  }

  /** In slices (slices.ts): looking up every declared upstream takes a while on a large graph. */
  async build(slices = new Slices()): Promise<LinkGraph> {
    const n = this.ids.length;
    const positionOf = this.positions();
    const underStart = new Int32Array(n + 1);
    const under: number[] = [];
    for (let i = 0, ref = 0; i < n; i++) {
      if (slices.due()) await slices.turn();
      for (let k = 0; k < this.underCount[i]!; k++) {
        const u = positionOf(this.underRefs[ref++]!);
        if (u !== -1) under.push(u);
      }
      underStart[i + 1] = under.length;
    }
    const contractor = Int32Array.from(this.contractor);
    const { start: intoStart, list: intoList } = groupByValue(contractor, this.parties.length);
    const client = Int32Array.from(this.client);
    const from = Int32Array.from(this.from);
    const to = Int32Array.from(this.to);
    const list = Int32Array.from(this.list);
    const underKind = Uint8Array.from(this.underKind);
    const overlap = listOverlaps(this.lists);
    return {
      size: n,
      ids: this.ids,
      parties: this.parties,
      client,
      contractor,
      records: Float64Array.from(this.records),
      underKind,
      underStart,
      under: Int32Array.from(under),
      intoStart,
      intoList,
      performsByInference: (e, u) =>
        underKind[e] === UNDER_ABSENT &&
        contractor[u] === client[e] &&
        e !== u &&
        from[e]! < to[u]! &&
        from[u]! < to[e]! &&
        overlap(list[e]!, list[u]!),
    };
  }

  /**
   * Position by id, -1 when absent. Stores hand entrustments over in id order, and then a binary
   * search over the ids needs no map of a million entries (measured: a third of the build).
   */
  private positions(): (id: string) => number {
    const ids = this.ids;
    let sorted = true;
    for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
    if (!sorted) {
      const position = new Map(ids.map((id, i) => [id, i]));
      return (id) => position.get(id) ?? -1;
    }
    return (id) => {
      const at = sortedIndex(ids, id);
      return ids[at] === id ? at : -1;
    };
  }

  private party(id: string): number {
    let i = this.partyIndex.get(id);
    if (i === undefined) {
      this.partyIndex.set(id, (i = this.parties.length));
      this.parties.push(id);
    }
    return i;
  }

  private dataList(data: readonly string[]): number {
    // JSON, not a join: a custom key may itself hold the separator ("user.contact.p,user").
    const key = JSON.stringify(data);
    let i = this.listIndex.get(key);
    if (i === undefined) {
      this.listIndex.set(key, (i = this.lists.length));
      this.lists.push(data);
    }
    return i;
  }
}

/** Positions grouped by their value (0 … groups - 1), as offsets into one list. */
export function groupByValue(
  values: Int32Array,
  groups: number,
): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < values.length; i++) start[values[i]! + 1]! += 1;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const list = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) list[fill[values[i]!]!++] = i;
  return { start, list };
}

const DENSE_PAIRS = 1 << 24;

/**
 * Whether two data lists overlap, decided once per pair of distinct lists and remembered: in a
 * table while the lists are few (the usual case), in a map when a table would be too large.
 */
function listOverlaps(lists: readonly (readonly string[])[]): (a: number, b: number) => boolean {
  const n = lists.length;
  const decide = (a: number, b: number) => overlaps(asSet(lists[a]), asSet(lists[b]));
  if (n * n <= DENSE_PAIRS) {
    const known = new Uint8Array(n * n); // 0: not decided yet, 1: no, 2: yes
    return (a, b) => {
      const k = a * n + b;
      if (known[k] === 0) known[k] = decide(a, b) ? 2 : 1;
      return known[k] === 2;
    };
  }
  const known = new Map<number, boolean>();
  return (a, b) => {
    const k = a * n + b;
    let answer = known.get(k);
    if (answer === undefined) known.set(k, (answer = decide(a, b)));
    return answer;
  };
}
