import type { IsoDate, Period } from '../dates.js';
import type { Entrustment, Party } from '../model.js';
import type { DownstreamSource, UpstreamSource, WalkLink } from '../exposure/walk-link.js';
import type { StorePort } from '../../store/port.js';

/** What walks along chains read: records by id, and the entrustments around parties and ids. */
export type ChainReads = Pick<
  StorePort,
  | 'parties'
  | 'entrustments'
  | 'entrustmentsFrom'
  | 'entrustmentsInto'
  | 'entrustmentsUnder'
  | 'upstreamReader'
  | 'downstreamReader'
  | 'upstreamRound'
  | 'downstreamLinks'
>;

/**
 * The reads of one computation, each record decoded once however often it is asked for: a
 * controller's findings walk its chain down level by level (a hub's contractors come up at
 * several levels) and then up to every root controller over most of the graph, and asked the
 * store for each record 3.5 times on average (bench/generate.ts's register, a controller whose
 * chain reaches a hub). Only for the length of one answer: a later one reads afresh.
 */
export class ReadOnce implements ChainReads {
  private readonly byId = new Map<string, Entrustment | null>();
  private readonly from = new Map<string, Entrustment[]>();
  private readonly into = new Map<string, Entrustment[]>();
  private readonly under = new Map<string, Entrustment[]>();

  private reader: UpstreamSource | undefined | null = null;

  private constructor(private readonly store: ChainReads) {}

  /**
   * Links (what a walk reads: ids, periods, data) one by one from a store whose reads are local,
   * decoding no JSON; undefined for other stores. One reader per computation: it remembers.
   */
  links(): UpstreamSource | undefined {
    if (this.reader === null) this.reader = this.store.upstreamReader?.();
    return this.reader;
  }

  /** `store`'s reads remembered; a ReadOnce already is. */
  static over(store: ChainReads): ReadOnce {
    return store instanceof ReadOnce ? store : new ReadOnce(store);
  }

  parties(ids: readonly string[]): Promise<Party[]> {
    return this.store.parties(ids);
  }

  async entrustments(ids: readonly string[]): Promise<Entrustment[]> {
    const missing = ids.filter((id) => !this.byId.has(id));
    if (missing.length > 0) {
      for (const id of missing) this.byId.set(id, null);
      this.keep(await this.store.entrustments(missing));
    }
    return ids.flatMap((id) => this.byId.get(id) ?? []);
  }

  /** Remembered without a window; with one, read afresh (walks along chains ask without). */
  entrustmentsFrom(partyIds: readonly string[], window?: Period): Promise<Entrustment[]> {
    if (window) return this.store.entrustmentsFrom(partyIds, window);
    return this.related(
      this.from,
      partyIds,
      (ids) => this.store.entrustmentsFrom(ids),
      (e) => [e.client],
    );
  }

  entrustmentsInto(partyIds: readonly string[], window?: Period): Promise<Entrustment[]> {
    if (window) return this.store.entrustmentsInto(partyIds, window);
    return this.related(
      this.into,
      partyIds,
      (ids) => this.store.entrustmentsInto(ids),
      (e) => [e.contractor],
    );
  }

  /** Compact rows: one store read each, passed through. */
  upstreamRound(
    partyIds: readonly string[],
    ids: readonly string[],
    window: Period,
  ): Promise<WalkLink[]> {
    return this.store.upstreamRound(partyIds, ids, window);
  }

  downstreamLinks(partyIds: readonly string[], asOf?: IsoDate): Promise<WalkLink[]> {
    return this.store.downstreamLinks(partyIds, asOf);
  }

  /** A store's local reader for a walk down, or undefined (one per walk: it remembers). */
  downstream(): DownstreamSource | undefined {
    return this.store.downstreamReader?.();
  }

  entrustmentsUnder(entrustmentIds: readonly string[]): Promise<Entrustment[]> {
    return this.related(
      this.under,
      entrustmentIds,
      (ids) => this.store.entrustmentsUnder(ids),
      (e) => e.under ?? [],
    );
  }

  /** The records related to `keys`, each once, reading only the keys not asked for before. */
  private async related(
    memo: Map<string, Entrustment[]>,
    keys: readonly string[],
    read: (keys: string[]) => Promise<Entrustment[]>,
    keysOf: (e: Entrustment) => readonly string[],
  ): Promise<Entrustment[]> {
    const missing = [...new Set(keys.filter((k) => !memo.has(k)))];
    if (missing.length > 0) {
      for (const k of missing) memo.set(k, []);
      const found = await read(missing);
      this.keep(found);
      for (const e of found)
        for (const k of new Set(keysOf(e))) memo.get(k)?.push(this.byId.get(e.id) ?? e);
    }
    const out = new Map<string, Entrustment>();
    for (const k of new Set(keys)) for (const e of memo.get(k)!) out.set(e.id, e);
    return [...out.values()];
  }

  /** One object per record: a record met again through another read is the one kept first. */
  private keep(found: readonly Entrustment[]): void {
    for (const e of found) if (!this.byId.get(e.id)) this.byId.set(e.id, e);
  }
}
