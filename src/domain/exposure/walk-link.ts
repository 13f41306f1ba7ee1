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
  /** The data of its links by their places, when it places them. */
  readonly places?: DataByPlace;
}

/**
 * A placed link's data without reading the link: a hub's walk meets 450k links spread over the
 * heap, and reading each one's period and data was most of the walk's time waiting on memory.
 */
export interface DataByPlace {
  /** The number of the data set of the link at `place`: links with equal data share one. */
  dataAt(place: number): number;
  /** The data set numbered `number` (the array its links share). */
  dataSet(number: number): readonly string[];
}

// A source's numbering of the links it read: each carries its place among them, the same on every
// call, from 0 up, and its client's place among the clients of those links. A walk indexes arrays
// by them where it would otherwise look each link and client up in a map by id: a hub's open
// window meets 450k links and 100k clients, and those maps took about a fifth of the walk's time
// in profiles (the keys are strings spread over the heap).
const PLACE = Symbol('place');
const CLIENT = Symbol('client');
const UNDER = Symbol('under links');
const PLACES = Symbol('places');
type Placed = WalkLink & {
  [PLACE]?: number;
  [CLIENT]?: number;
  [UNDER]?: readonly (WalkLink | undefined)[];
};

/** A link's place in the source that made it (UpstreamSource.placed), if it has one. */
export function placeOf(link: WalkLink): number | undefined {
  return (link as Placed)[PLACE];
}

/** The place of a placed link's client among the clients of the source's links. */
export function clientPlaceOf(link: WalkLink): number {
  return (link as Placed)[CLIENT]!;
}

/**
 * The links a placed link's `under` names, as `get` finds them, looked up once per link: the
 * walks after it over the same source (a store's reads kept for its generation) find them on the
 * link. Asked only once everything `under` names is read, as a walk asks when it expands a state.
 */
export function underLinksOf(
  link: WalkLink,
  get: (id: string) => WalkLink | undefined,
): readonly (WalkLink | undefined)[] {
  const placed = link as Placed;
  return (placed[UNDER] ??= (link.under ?? []).map(get));
}

/**
 * The places of a source's list of placed links (what goes into a party), worked out once per
 * list: the walks after the first over the same source find them on the list.
 */
export function placesOf(list: readonly WalkLink[]): Int32Array {
  const listed = list as readonly WalkLink[] & { [PLACES]?: Int32Array };
  let places = listed[PLACES];
  if (places === undefined) {
    places = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) places[i] = placeOf(list[i]!)!;
    Object.defineProperty(listed, PLACES, { value: places });
  }
  return places;
}

/**
 * What a source that places its links (UpstreamSource.placed) does to each link it makes, once:
 * gives it the next place and its client's, and one array for each distinct set of data, shared
 * by the links that carry it (a walk numbers data sets by the array, state-graph.ts, where it
 * would join each link's keys into a string).
 */
export class LinksPlaced implements DataByPlace {
  private places = 0;
  private readonly clients = new Map<string, number>();
  private readonly dataNumbers = new Map<string, number>();
  private readonly dataSets: string[][] = [];
  private readonly dataOfPlace: number[] = [];

  place(link: WalkLink): void {
    const placed = link as Placed;
    placed[PLACE] = this.places++;
    let client = this.clients.get(link.client);
    if (client === undefined) this.clients.set(link.client, (client = this.clients.size));
    placed[CLIENT] = client;
    // Present on every placed link, as the other two: one hidden class for all of them.
    placed[UNDER] = undefined;
    const key = link.data.join('\u001f');
    let data = this.dataNumbers.get(key);
    if (data === undefined) {
      this.dataNumbers.set(key, (data = this.dataSets.length));
      this.dataSets.push(link.data);
    } else link.data = this.dataSets[data]!;
    this.dataOfPlace.push(data);
  }

  dataAt(place: number): number {
    return this.dataOfPlace[place]!;
  }

  dataSet(number: number): readonly string[] {
    return this.dataSets[number]!;
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
