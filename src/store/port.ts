import type { ApiKey } from '../access/model.js';
import type { AuditDraft, AuditEntry } from '../register/audit.js';
import type {
  Category,
  Entrustment,
  Incident,
  Party,
  RegisterBatch,
  Source,
} from '../domain/model.js';
import type { IsoDate, Period } from '../domain/dates.js';
import type { EntrustmentLink } from '../domain/graph/link-graph.js';
import type { WalkLink } from '../domain/exposure/walk-link.js';
import type { DownstreamSource, UpstreamSource } from '../domain/exposure/walk-link.js';

/**
 * The one interface every store implements. It is small and batched on purpose: the domain walks
 * the graph level by level and asks for a whole level at once, so no method takes a single id.
 *
 * Shared rules (checked by test/contract on every store):
 * - Lookups by id return the records that exist, in any order; unknown ids are simply absent.
 * - A `window` keeps entrustments whose period [from, to) intersects it; omitted, all are kept.
 * - Records come back exactly as written: absent optional fields stay absent (`under` absent and
 *   `under: []` mean different things), arrays keep their order.
 * - `upsert` is atomic: the whole batch is written in one transaction or nothing is. Writing a
 *   record with an existing id replaces it (and its index entries) completely.
 * - Every write takes an optional audit entry and writes it in the write's own transaction, with
 *   the new write generation as its id: the entry exists exactly when the write does.
 * - A write given `expectedGeneration` checks it inside its transaction, after taking the store's
 *   write lock: if another write committed since, it writes nothing and rejects with
 *   WriteConflictError, so a plan made from reads (what a sync retires, what a revision lists)
 *   is never applied to a store that changed under it.
 */
export interface StorePort {
  readonly kind: 'embedded' | 'neo4j';

  parties(ids: readonly string[]): Promise<Party[]>;
  entrustments(ids: readonly string[]): Promise<Entrustment[]>;
  incidents(ids: readonly string[]): Promise<Incident[]>;
  sources(ids: readonly string[]): Promise<Source[]>;

  /** Entrustments whose contractor is one of `partyIds`. */
  entrustmentsInto(partyIds: readonly string[], window?: Period): Promise<Entrustment[]>;
  /** Entrustments whose client is one of `partyIds`. */
  entrustmentsFrom(partyIds: readonly string[], window?: Period): Promise<Entrustment[]>;
  /**
   * Optional, for a store whose reads are local and synchronous (the embedded one): the same
   * entrustments read one by one as the walk meets them, all from one snapshot while the walk
   * runs without awaiting. The walk then reads only what its paths take.
   */
  upstreamReader?(): UpstreamSource;
  /**
   * Optional, as upstreamReader, for a walk down (a supply chain): the entrustments a party makes,
   * read as the walk reaches the party through an entrustment it performs. Without it, the walk
   * reads downstreamLinks, which holds every party a chain could reach.
   */
  downstreamReader?(): DownstreamSource;
  /**
   * One round of a walk up that reads as it goes, for a store whose reads go over the network
   * (a blast radius, the walk up to root controllers):
   * every entrustment into `partyIds` (of any period) and every one of `ids`, as compact rows. A
   * store may add rows the walk is sure to ask for next (Neo4j adds the declared `under` chains
   * above them in `window`): it may hold more than asked, never less.
   */
  upstreamRound(
    partyIds: readonly string[],
    ids: readonly string[],
    window: Period,
  ): Promise<WalkLink[]>;
  /**
   * The sub-graph a supply chain from one of `partyIds` can reach, as compact rows of any period:
   * every entrustment that performs one of their own (declared or inferred), at any depth, as a
   * store may find by following its performers (Neo4j: UNDER and PERFORMS) or by reading every
   * entrustment of every party reached (the embedded store: more, never less). A declared `under`
   * names an entrustment into its client (the register checks it). With `asOf`, only entrustments
   * in force on that day, through such ones. A supply chain on a store without downstreamReader
   * reads it in one call and walks it in the domain.
   */
  downstreamLinks(partyIds: readonly string[], asOf?: IsoDate): Promise<WalkLink[]>;
  /**
   * The corporate families of `partyIds`: every party joined to one of them through `parent` and
   * `operator` links, followed either way, as rows of only those links. A group's exposure reads
   * it in one call; it may hold more than that, never less.
   */
  corporateFamily(partyIds: readonly string[]): Promise<FamilyTie[]>;
  /** Entrustments whose `under` names one of `entrustmentIds` (the declared re-entrustments). */
  entrustmentsUnder(entrustmentIds: readonly string[]): Promise<Entrustment[]>;
  /** Incidents that happened at one of `partyIds`. */
  incidentsAt(partyIds: readonly string[]): Promise<Incident[]>;
  /** Parties whose corporate `parent` is one of `partyIds`. */
  partiesWithParent(partyIds: readonly string[]): Promise<Party[]>;
  /** Services whose `operator` is one of `partyIds`. */
  servicesOperatedBy(partyIds: readonly string[]): Promise<Party[]>;

  /** A page of entrustments in id order, after `afterId` (exclusive); for whole-graph analyses. */
  scanEntrustments(afterId: string | null, limit: number): Promise<Entrustment[]>;
  /**
   * Every entrustment with only what whole-graph questions read (links, period, data, records),
   * in id order, in pages of the store's choosing: stores keep this cheaper to read than whole
   * records, and a consumer that copies each page into its own shape leaves little to collect.
   * With `asOf`, only those in force on that day (dates.ts inForce): on Neo4j the others are
   * not sent at all, as of a day most of a large register's history is not in force.
   */
  entrustmentLinks(asOf?: IsoDate): AsyncIterable<EntrustmentLink[]>;
  /** A page of parties in id order, after `afterId` (exclusive). */
  scanParties(afterId: string | null, limit: number): Promise<Party[]>;
  /** Every data category registers have declared (a short list), in id order. */
  categories(): Promise<Category[]>;
  /** A page of incidents in id order, after `afterId` (exclusive). */
  scanIncidents(afterId: string | null, limit: number): Promise<Incident[]>;

  /**
   * A number that changes whenever a write commits, made by this process or any other: a
   * whole-graph answer computed at one generation stays right until it changes.
   */
  generation(): Promise<number>;

  /** Write a whole batch atomically; `onProgress` reports rows written so far for large batches. */
  upsert(
    batch: RegisterBatch,
    onProgress?: (done: number, total: number) => void,
    audit?: AuditDraft,
    options?: UpsertOptions,
  ): Promise<void>;
  /**
   * Delete records by id (and their index entries), atomically. Unknown ids are ignored. With
   * `refuseReferenced`, the records that still refer to what would go (and are not removed with
   * it) are looked up in the same transaction: if there are any, nothing is written and they are
   * returned; otherwise the result is empty.
   */
  remove(ids: RemoveIds, audit?: AuditDraft, options?: RemoveOptions): Promise<Reference[]>;
  /** The entrustment ids a sync scope holds (what its last import listed), sorted; [] for a new scope. */
  scopeHoldings(scope: string): Promise<string[]>;

  /** Every API key's record (never a key itself), by name; a short list. */
  apiKeys(): Promise<ApiKey[]>;
  /** Adds a key and its audit entry atomically; rejects with BadInputError when the name is taken. */
  addApiKey(key: ApiKey, audit: AuditDraft): Promise<void>;
  /** Deletes the key with this name and writes the audit entry; false (nothing written) when there is none. */
  revokeApiKey(name: string, audit: AuditDraft): Promise<boolean>;
  /** Up to `first` audit entries, newest first, older than the entry `after` when given. */
  auditLog(first: number, after: string | null): Promise<AuditEntry[]>;
  counts(): Promise<StoreCounts>;

  /** Resolves when the store answers; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A party's place in its corporate family: who its parent is and, for a service, who runs it. */
export type FamilyTie = Pick<Party, 'id' | 'kind' | 'parent' | 'operator'>;

export interface RemoveIds {
  sources?: readonly string[];
  parties?: readonly string[];
  entrustments?: readonly string[];
  incidents?: readonly string[];
}

export interface UpsertOptions {
  expectedGeneration?: number;
  /** A sync: the scope now holds exactly these entrustment ids (written in the same transaction). */
  scope?: { name: string; entrustments: readonly string[] };
}

export interface RemoveOptions {
  expectedGeneration?: number;
  refuseReferenced?: boolean;
}

export type RecordKind = 'sources' | 'parties' | 'entrustments' | 'incidents';

/** One record that refers to another: `from` names `to` in its field `field`. */
export interface Reference {
  from: { kind: RecordKind; id: string };
  field: string;
  to: { kind: RecordKind; id: string };
}

export interface StoreCounts {
  sources: number;
  parties: number;
  entrustments: number;
  incidents: number;
}
