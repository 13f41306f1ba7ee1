import { byId } from '../links.js';
import { LinksPlaced, type PlacedLinks, type UpstreamSource, type WalkLink } from './walk-link.js';

/** One round of reads: the entrustments into `parties` and those of `ids` (StorePort.upstreamRound). */
export type ReadRound = (parties: readonly string[], ids: readonly string[]) => Promise<WalkLink[]>;

/** What a walk asks for before it can go on: the entrustments into parties, and by id. */
export interface Wanted {
  parties: Set<string>;
  ids: Set<string>;
}

/**
 * A source read in rounds: it says what it has read; what it has not is asked for next. It places
 * the rows it keeps (walk-link.ts) and gives rows with the same data one array, as the embedded
 * store's reader does: a walk numbers both, and may be one of many over the same rows (a store's
 * reads kept for its generation, blast-radius.ts).
 */
export class ReadSoFar implements UpstreamSource {
  readonly placed = true;
  private readonly byIds = new Map<string, WalkLink | null>();
  private readonly intoRead = new Map<string, WalkLink[]>();
  private readonly placing = new LinksPlaced();
  readonly places: PlacedLinks = this.placing;

  get(id: string): WalkLink | undefined {
    return this.byIds.get(id) ?? undefined;
  }
  into(party: string): readonly WalkLink[] {
    return this.intoRead.get(party) ?? [];
  }
  has(id: string): boolean {
    return this.byIds.has(id);
  }
  hasInto(party: string): boolean {
    return this.intoRead.has(party);
  }

  /**
   * This source as one that holds all a walk meets (the walk of a leak that read it, again): a walk
   * over it is not asked what it lacks at each state, and what was never read is a fault, not an
   * absence, caught by the same one lookup that answers.
   */
  whole(): UpstreamSource {
    const unread = (what: string) => {
      throw new Error(`a walk over what was read met ${what}, never read`);
    };
    return {
      placed: true,
      places: this.placing,
      get: (id) => {
        const link = this.byIds.get(id);
        return link === undefined ? unread(`entrustment ${id}`) : (link ?? undefined);
      },
      into: (party) => this.intoRead.get(party) ?? unread(`what goes into ${party}`),
    };
  }

  /** Reads in one round what of `parties` and `ids` is not read yet (nothing when all is). */
  async readMissing(
    read: ReadRound,
    parties: Iterable<string>,
    ids: Iterable<string>,
  ): Promise<void> {
    const wanted: Wanted = {
      parties: new Set([...parties].filter((p) => !this.hasInto(p))),
      ids: new Set([...ids].filter((id) => !this.has(id))),
    };
    if (wanted.parties.size > 0 || wanted.ids.size > 0)
      this.add(await read([...wanted.parties], [...wanted.ids]), wanted);
  }

  /** What a round answered to `wanted`: an id it did not return is known to be absent. */
  private add(rows: readonly WalkLink[], wanted: Wanted): void {
    // The first object read for an id stays: the walk's states point at it.
    for (const row of rows)
      if (!this.byIds.get(row.id)) {
        this.placing.place(row);
        this.byIds.set(row.id, row);
      }
    for (const id of wanted.ids) if (!this.byIds.has(id)) this.byIds.set(id, null);
    for (const party of wanted.parties) this.intoRead.set(party, []);
    for (const row of rows)
      if (wanted.parties.has(row.contractor))
        this.intoRead.get(row.contractor)!.push(this.byIds.get(row.id)!);
    for (const party of wanted.parties) this.intoRead.get(party)!.sort(byId);
  }
}

/**
 * Runs a walk that pauses (yields) when it needs what `source` has not read, reads all it asks
 * for in one round, and resumes where it paused, until it ends: the walk over the whole store,
 * reading only what its paths take. A store over the network (Neo4j) is asked one round per level
 * at which the walk meets parties it has not read (fewer where the store reads declared chains
 * ahead): data and periods prune a hub's sub-graph to hundreds of entrustments where an expansion
 * by periods alone returns most of the graph.
 */
export async function walkInRounds<T>(
  read: ReadRound,
  walk: (source: ReadSoFar) => Generator<Wanted, T, void>,
  source = new ReadSoFar(),
): Promise<{ result: T; source: ReadSoFar; rounds: number }> {
  const steps = walk(source);
  for (let rounds = 0; ; rounds++) {
    const step = steps.next();
    if (step.done) return { result: step.value, source, rounds };
    await source.readMissing(read, step.value.parties, step.value.ids);
  }
}

/** Runs such a walk over a source that holds everything (a store read locally): it never pauses. */
export function walkAtOnce<T>(steps: Generator<Wanted, T, void>): T {
  const step = steps.next();
  if (!step.done) throw new Error('a walk over a complete source asked for more');
  return step.value;
}
