import type { Entrustment } from '../model.js';

/**
 * What a blast radius reads of an entrustment: its links, period, data and records, and what
 * decides a path's exposure (confidence), awareness (disclosed) and evidence (subjects). Stores
 * answer these as compact rows, never whole records; a store may leave the last three out (the
 * embedded store reads them only for the entrustments a path takes: withEvidence).
 */
export type WalkLink = Pick<
  Entrustment,
  'id' | 'client' | 'contractor' | 'under' | 'data' | 'from' | 'to' | 'records'
> &
  Partial<Pick<Entrustment, 'confidence' | 'disclosed' | 'subjects'>>;

/** The entrustments a walk reads: by id, and into a party (in id order). */
export interface UpstreamSource {
  get(id: string): WalkLink | undefined;
  into(party: string): readonly WalkLink[];
  /** True when every link it returns has its place (placeOf): a source that made them itself. */
  readonly placed?: boolean;
  /** What a walk asks of its links, by their places, when it places them. */
  readonly places?: PlacedLinks;
}

/**
 * What a walk asks of a placed link, by its place, without reading the link where it can: a hub's
 * walk meets 450k links spread over the heap, and reading each one's fields (or looking it and its
 * client up in maps by id) was most of the walk's time, waiting on memory. What is not known when
 * a link is placed is worked out on the first ask and kept for the walks after it.
 */
export interface PlacedLinks {
  /** The number of the data set of the link at `place`: links with equal data share one. */
  dataAt(place: number): number;
  /** The data set numbered `number` (the array its links share). */
  dataSet(number: number): readonly string[];
  /** The number of the client of `link` (at `place`) among the parties of the source's links. */
  clientAt(place: number, link: WalkLink): number;
  /** The links `under` of `link` (at `place`) names, as `get` finds them (all of them read). */
  underAt(
    place: number,
    link: WalkLink,
    get: (id: string) => WalkLink | undefined,
  ): readonly (WalkLink | undefined)[];
  /** The places of `list`, what goes into the party numbered `party` (clientAt), all of it read. */
  intoAt(party: number, list: readonly WalkLink[]): Int32Array;
}

// Each link a source places carries its place among them, the same on every call, from 0 up: one
// property, given as the link is made (more made each link a larger object, on every cold read).
const PLACE = Symbol('place');

/** A link's place in the source that made it (UpstreamSource.placed), if it has one. */
export function placeOf(link: WalkLink): number | undefined {
  return (link as WalkLink & { [PLACE]?: number })[PLACE];
}

/**
 * What a source that places its links (UpstreamSource.placed) does to each link it makes, once:
 * gives it the next place, and one array for each distinct set of data, shared by the links that
 * carry it; and what it answers for them by place (PlacedLinks).
 */
export class LinksPlaced implements PlacedLinks {
  private places = 0;
  private readonly dataNumbers = new Map<string, number>();
  private readonly dataSets: string[][] = [];
  private readonly dataOfPlace: number[] = [];
  /** By place: the client's number (-1: not asked yet). */
  private readonly clientOfPlace: number[] = [];
  private readonly parties = new Map<string, number>();
  /** By place: the links under names (undefined: not asked yet). */
  private readonly underOfPlace: (readonly (WalkLink | undefined)[] | undefined)[] = [];
  /** By party number: the places of what goes into it. */
  private readonly intoOfParty: (Int32Array | undefined)[] = [];

  place(link: WalkLink): void {
    (link as WalkLink & { [PLACE]?: number })[PLACE] = this.places++;
    const key = link.data.join('\u001f');
    let data = this.dataNumbers.get(key);
    if (data === undefined) {
      this.dataNumbers.set(key, (data = this.dataSets.length));
      this.dataSets.push(link.data);
    } else link.data = this.dataSets[data]!;
    this.dataOfPlace.push(data);
    this.clientOfPlace.push(-1);
    this.underOfPlace.push(undefined);
  }

  dataAt(place: number): number {
    return this.dataOfPlace[place]!;
  }

  dataSet(number: number): readonly string[] {
    return this.dataSets[number]!;
  }

  clientAt(place: number, link: WalkLink): number {
    let party = this.clientOfPlace[place]!;
    if (party < 0) {
      party = this.parties.get(link.client) ?? -1;
      if (party < 0) this.parties.set(link.client, (party = this.parties.size));
      this.clientOfPlace[place] = party;
    }
    return party;
  }

  underAt(
    place: number,
    link: WalkLink,
    get: (id: string) => WalkLink | undefined,
  ): readonly (WalkLink | undefined)[] {
    return (this.underOfPlace[place] ??= (link.under ?? []).map(get));
  }

  intoAt(party: number, list: readonly WalkLink[]): Int32Array {
    while (this.intoOfParty.length <= party) this.intoOfParty.push(undefined);
    let places = this.intoOfParty[party];
    if (places === undefined) {
      places = new Int32Array(list.length);
      for (let i = 0; i < list.length; i++) places[i] = placeOf(list[i]!)!;
      this.intoOfParty[party] = places;
    }
    return places;
  }
}

/** The entrustments a walk down reads: those a party makes (in id order). */
export interface DownstreamSource {
  from(party: string): readonly WalkLink[];
}

/** A WalkLink with every field a path reads. */
export type FullWalkLink = WalkLink & Pick<Entrustment, 'confidence' | 'disclosed' | 'subjects'>;

/**
 * The walk fields of an entrustment, every one present and in one order, those it lacks
 * undefined (`under` undefined is unknown, not []). Every link a store makes is made here: links
 * made with only the fields they had took up to 16 hidden classes in V8, and each read of a
 * link's field on a hub's walk went through the engine's slowest lookup (12% of a hub's answer).
 */
export function walkLink(e: WalkLink): WalkLink {
  return {
    id: e.id,
    client: e.client,
    contractor: e.contractor,
    data: e.data,
    under: e.under,
    from: e.from,
    to: e.to,
    records: e.records,
    confidence: e.confidence,
    disclosed: e.disclosed,
    subjects: e.subjects,
  };
}

/**
 * Fills confidence, disclosed and subjects in place where a store left them out, from the whole
 * records (one store call): only for `links`, the entrustments the walk took.
 */
export async function withEvidence(
  links: readonly WalkLink[],
  read: (ids: string[]) => Promise<Entrustment[]>,
): Promise<void> {
  // Filtered before deduplicated: a source that keeps what it filled (the embedded store's reader)
  // has none missing on a second walk, and a set of a hub's 150k states cost more than the walk's end.
  const lacking = links.filter((l) => l.confidence === undefined);
  if (lacking.length === 0) return;
  const missing = [...new Set(lacking)];
  const records = new Map((await read(missing.map((l) => l.id))).map((e) => [e.id, e]));
  for (const link of missing) {
    const e = records.get(link.id);
    link.confidence = e?.confidence ?? 'confirmed';
    link.disclosed = e?.disclosed ?? true;
    link.subjects = e?.subjects ?? [];
  }
}
