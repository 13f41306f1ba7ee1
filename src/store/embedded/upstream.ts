import {
  LinksPlaced,
  type PlacedLinks,
  type UpstreamSource,
  type WalkLink,
} from '../../domain/exposure/walk-link.js';
import { decodeEntrustmentLinkBytes } from './entrustment-codec.js';
import { generationOf } from './generation.js';
import { RELATIONS, rangeOf } from './keys.js';
import type { Tables } from './tables.js';

/**
 * StorePort.upstreamReader: entrustments read as walks meet them, each once, and kept for the
 * walks after while the store's generation stays. A hub's leak over an open window reads about
 * 40% of a national register (430k of 1M entrustments), most of its time went to reading them,
 * and the next leak's walk reads most of the same ones. Kept, they cost about 230 MB there.
 *
 * The generation is read at the first read of each event-loop turn, as LMDB's own read snapshot
 * is (lmdb-js renews it per turn), and again after each write of this process (which LMDB's reads
 * see at once): a walk, which runs within one turn, sees one register, and after any write (by this
 * process or another) the kept entrustments are dropped.
 */
export class KeptUpstream implements UpstreamSource {
  private generation = -1;
  private checked = false;
  private read = new Map<string, WalkLink | undefined>();
  private intoRead = new Map<string, WalkLink[]>();
  /** Gives the links made since the generation was read their places (walk-link.ts). */
  private placing = new LinksPlaced();
  /** The current generation's (a walk may begin before its first read finds a new generation). */
  readonly places: PlacedLinks = {
    dataAt: (place) => this.placing.dataAt(place),
    dataSet: (number) => this.placing.dataSet(number),
    clientAt: (place, link) => this.placing.clientAt(place, link),
    underAt: (place, link, get) => this.placing.underAt(place, link, get),
    intoAt: (party, list) => this.placing.intoAt(party, list),
  };

  /**
   * @param placed whether links carry their places (walk-link.ts): for walks, not for rows handed
   * on as answers (StorePort.upstreamRound), which are plain records.
   */
  constructor(
    private readonly tables: Tables,
    readonly placed = true,
  ) {}

  get(id: string): WalkLink | undefined {
    this.current();
    let link = this.read.get(id);
    if (link === undefined && !this.read.has(id)) {
      const bytes = this.tables.entrustments.db.getBinaryFast(id);
      link = bytes === undefined ? undefined : decodeEntrustmentLinkBytes(id, bytes);
      if (link && this.placed) this.placing.place(link);
      this.read.set(id, link);
    }
    return link;
  }

  into(party: string): readonly WalkLink[] {
    this.current();
    let list = this.intoRead.get(party);
    if (list === undefined) {
      list = [];
      for (const [, target, id] of this.tables.index.getKeys(rangeOf(RELATIONS.into, party)))
        if (target === party) {
          const link = this.get(id as string);
          if (link) list.push(link);
        }
      list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.intoRead.set(party, list);
    }
    return list;
  }

  /** After a write by this process: the next read reads the generation again. */
  recheck(): void {
    this.checked = false;
  }

  /** Drops what was kept when a write has landed since it was read (checked once per turn). */
  private current(): void {
    if (this.checked) return;
    this.checked = true;
    setTimeout(() => (this.checked = false), 0);
    const generation = generationOf(this.tables);
    if (generation === this.generation) return;
    this.generation = generation;
    this.read = new Map();
    this.intoRead = new Map();
    this.placing = new LinksPlaced();
  }
}
