import neo4j, {
  isRetryableError,
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import type { ApiKey } from '../../access/model.js';
import type { AuditDraft, AuditEntry } from '../../register/audit.js';
import type { IsoDate, Period } from '../../domain/dates.js';
import type { EntrustmentLink } from '../../domain/graph/link-graph.js';
import type { WalkLink } from '../../domain/exposure/walk-link.js';
import type {
  Category,
  Entrustment,
  Incident,
  Party,
  RegisterBatch,
  Source,
} from '../../domain/model.js';
import { StoreUnavailableError } from '../../errors.js';
import type {
  FamilyTie,
  Reference,
  RemoveIds,
  RemoveOptions,
  StoreCounts,
  StorePort,
  UpsertOptions,
} from '../port.js';
import * as access from './access.js';
import { categoryOf } from './access-rows.js';
import type { CypherFiles } from './cypher-files.js';
import { FreshRead } from './fresh-read.js';
import { readError, reasonOf, toStoreError } from './errors.js';
import { toDate, toInteger, toNumber } from './mapping.js';
import { entrustmentsOf, incidentsOf, partiesOf, sourcesOf } from './records.js';
import { familyTiesOf, linksOf, walkLinksOf } from './walk-links.js';
import type { IdsQuery, QueryName, QueryParams } from './queries.js';
import { beginWrite, referrersOf, RefusedRemoval } from './write-checks.js';
import { redrawDelegations } from './derived-links.js';
import { chunks, type Progress, sizeOf, upsertInOne, upsertStaged } from './upsert.js';

/** Links per page of a whole-graph scan. */
const LINKS_PER_PAGE = 10_000;
/** A health check must answer quickly, not wait out the driver's retries. */
const PING_TIMEOUT_MS = 5_000;
/**
 * How soon after a running read of the generation the next may start (fresh-read.ts). The
 * dashboard bench on Neo4j (10k parties, 50 pollers) gave 1,900-2,900 req/s back to back, 4,300-
 * 5,000 at 5 ms, 4,700-7,300 at 2 ms, 5,700-6,900 at 1 ms (docs/benchmarks.md, the sixth round).
 */
const GENERATION_READS_SPACING_MS = 2;
/** Records a scan session pulls per round trip: pages are large, so fetch them whole. */
const SCAN_FETCH_SIZE = 10_000;
/** A round of a walk up asking for at most this many parties and ids reads declared chains ahead. */
const READ_AHEAD_UP_TO = 32;
/** A round asking for this many parties and ids or more is read as two queries at once. */
const SPLIT_ROUND_FROM = 64;
/**
 * How long a write may take, waiting for another writer's locks included: a small write queued
 * behind a long import gives up with a clear error instead of waiting for it; a large batch gets
 * time in proportion to its size: 10 ms a record, about 20 times what a 100k-entrustment import
 * took on a busy 2-core machine (npm run bench), so only a stuck write ever reaches it.
 */
const writeTimeoutMs = (rows: number) => 60_000 + rows * 10;

export interface Neo4jTarget {
  /** For messages only: without credentials (uri-for-display.ts). */
  uri: string;
  database?: string | undefined;
  /** Batches of this many records or more are staged (./upsert.ts); smaller ones are one transaction. */
  stageImportsFrom: number;
  /** Records per staging transaction. */
  recordsPerStage: number;
  /** How long Neo4j lets one read transaction run. */
  readTimeoutS: number;
}

/** A window as the queries compare it with stored periods: DATE values, null for an open end. */
const windowParams = (window?: Period) => ({
  from: window?.from ? toDate(window.from) : null,
  to: window?.to ? toDate(window.to) : null,
});

export class Neo4jStore implements StorePort {
  readonly kind = 'neo4j' as const;
  private closed = false;
  /**
   * One bookmark manager for every session of this store, started from the bookmarks of the
   * thread that handed this one its work (store/target.ts): on a cluster, a read after a write
   * sees the write, whichever thread wrote it.
   */
  private readonly bookmarks: BookmarkManager;

  constructor(
    private readonly driver: Driver,
    private readonly cypher: CypherFiles,
    private readonly target: Neo4jTarget,
    initialBookmarks: readonly string[] = [],
  ) {
    this.bookmarks = neo4j.bookmarkManager({ initialBookmarks: [...initialBookmarks] });
  }

  /** What a session of another thread must wait for to see this store's writes. */
  async currentBookmarks(): Promise<string[]> {
    return [...(await this.bookmarks.getBookmarks())];
  }

  /** Takes in another thread's bookmarks (its writes), so reads here see them. */
  async learnBookmarks(bookmarks: readonly string[]): Promise<void> {
    if (bookmarks.length > 0) await this.bookmarks.updateBookmarks([], bookmarks);
  }

  parties(ids: readonly string[]): Promise<Party[]> {
    return this.byIds('party/get-many', ids, partiesOf);
  }

  entrustments(ids: readonly string[]): Promise<Entrustment[]> {
    return this.byIds('entrustment/get-many', ids, entrustmentsOf);
  }

  incidents(ids: readonly string[]): Promise<Incident[]> {
    return this.byIds('incident/get-many', ids, incidentsOf);
  }

  sources(ids: readonly string[]): Promise<Source[]> {
    return this.byIds('source/get-many', ids, sourcesOf);
  }

  async entrustmentsInto(partyIds: readonly string[], window?: Period): Promise<Entrustment[]> {
    if (partyIds.length === 0) return [];
    return entrustmentsOf(
      await this.read('entrustment/into', { ids: [...partyIds], ...windowParams(window) }),
    );
  }

  async entrustmentsFrom(partyIds: readonly string[], window?: Period): Promise<Entrustment[]> {
    if (partyIds.length === 0) return [];
    return entrustmentsOf(
      await this.read('entrustment/from', { ids: [...partyIds], ...windowParams(window) }),
    );
  }

  async upstreamRound(
    partyIds: readonly string[],
    ids: readonly string[],
    window: Period,
  ): Promise<WalkLink[]> {
    if (partyIds.length === 0 && ids.length === 0) return [];
    const asked = partyIds.length + ids.length;
    // A wide round is a walk through a dense part of the register: the next round reads into the
    // parties above, which brings the chains a read ahead would (measured at a 100k register's
    // hubs: as many rounds without it, 30% fewer rows). A narrow one is a chain: read ahead, one
    // round instead of one per declared hop.
    const readAhead = asked <= READ_AHEAD_UP_TO;
    const read = (parties: string[], byId: readonly string[]) =>
      this.read(
        'entrustment/upstream-round',
        { parties, ids: [...byId], ...windowParams(window), readAhead },
        SCAN_FETCH_SIZE,
      );
    if (asked < SPLIT_ROUND_FROM) return walkLinksOf(await read([...partyIds], ids));
    // The server answers one query on one core: two halves at once answer sooner.
    const half = (parity: number) => partyIds.filter((_, i) => i % 2 === parity);
    const [even, odd] = await Promise.all([read(half(0), ids), read(half(1), [])]);
    // An entrustment named by id may go into a party of the other half: one row, as one query gives.
    const first = new Set(even.map((row) => row.get('id') as string));
    return walkLinksOf([...even, ...odd.filter((row) => !first.has(row.get('id') as string))]);
  }

  async downstreamLinks(partyIds: readonly string[], asOf?: IsoDate): Promise<WalkLink[]> {
    if (partyIds.length === 0) return [];
    const params = { ids: [...new Set(partyIds)], asOf: asOf ? toDate(asOf) : null };
    return walkLinksOf(await this.read('entrustment/downstream', params, SCAN_FETCH_SIZE));
  }

  corporateFamily(partyIds: readonly string[]): Promise<FamilyTie[]> {
    return this.byIds('party/family', partyIds, familyTiesOf);
  }

  entrustmentsUnder(entrustmentIds: readonly string[]): Promise<Entrustment[]> {
    return this.byIds('entrustment/under', entrustmentIds, entrustmentsOf);
  }

  incidentsAt(partyIds: readonly string[]): Promise<Incident[]> {
    return this.byIds('incident/at', partyIds, incidentsOf);
  }

  partiesWithParent(partyIds: readonly string[]): Promise<Party[]> {
    return this.byIds('party/with-parent', partyIds, partiesOf);
  }

  servicesOperatedBy(partyIds: readonly string[]): Promise<Party[]> {
    return this.byIds('party/operated-by', partyIds, partiesOf);
  }

  async scanEntrustments(afterId: string | null, limit: number): Promise<Entrustment[]> {
    if (!(limit > 0)) return [];
    return entrustmentsOf(
      await this.read('entrustment/scan', { afterId: afterId ?? '', limit: toInteger(limit) }),
    );
  }

  async *entrustmentLinks(asOf?: IsoDate): AsyncIterable<EntrustmentLink[]> {
    // Pages by id, each its own read: one transaction held over a million rows would pin the
    // server's memory, and a page costs a round trip, so pages are large. Neo4j reads are read
    // committed, not snapshots: loadLinkGraph compares the generation before and after.
    for (let afterId = ''; ;) {
      const page = linksOf(
        await this.read(
          'entrustment/scan-links',
          { afterId, limit: toInteger(LINKS_PER_PAGE), asOf: asOf ? toDate(asOf) : null },
          SCAN_FETCH_SIZE,
        ),
      );
      if (page.length > 0) yield page;
      if (page.length < LINKS_PER_PAGE) return;
      afterId = page[page.length - 1]!.id;
    }
  }

  async scanParties(afterId: string | null, limit: number): Promise<Party[]> {
    if (!(limit > 0)) return [];
    return partiesOf(
      await this.read('party/scan', { afterId: afterId ?? '', limit: toInteger(limit) }),
    );
  }

  async categories(): Promise<Category[]> {
    const rows = await this.read('category/all', {});
    return rows.map(categoryOf);
  }

  async scanIncidents(afterId: string | null, limit: number): Promise<Incident[]> {
    if (!(limit > 0)) return [];
    return incidentsOf(
      await this.read('incident/scan', { afterId: afterId ?? '', limit: toInteger(limit) }),
    );
  }

  upsert(
    batch: RegisterBatch,
    onProgress?: Progress,
    audit?: AuditDraft,
    options: UpsertOptions = {},
  ): Promise<void> {
    const work = { batch, onProgress, audit, options, perStage: this.target.recordsPerStage };
    return sizeOf(batch) >= this.target.stageImportsFrom
      ? upsertStaged(this, work)
      : upsertInOne(this, work);
  }

  async remove(
    ids: RemoveIds,
    audit?: AuditDraft,
    options: RemoveOptions = {},
  ): Promise<Reference[]> {
    const all = [ids.sources, ids.parties, ids.entrustments, ids.incidents].reduce(
      (n, list) => n + (list?.length ?? 0),
      0,
    );
    try {
      await this.write(all, (tx) => this.removeIn(tx, ids, audit, options));
    } catch (error) {
      if (error instanceof RefusedRemoval) return error.references;
      throw error;
    }
    return [];
  }

  async scopeHoldings(scope: string): Promise<string[]> {
    return (await this.read('sync-scope/holdings', { name: scope })).map(
      (row) => row.get('id') as string,
    );
  }

  /** Checks and deletes in one transaction; a refusal throws, so the transaction rolls back. */
  private async removeIn(
    tx: ManagedTransaction,
    ids: RemoveIds,
    audit: AuditDraft | undefined,
    options: RemoveOptions,
  ): Promise<void> {
    await beginWrite(this, tx, options.expectedGeneration);
    if (options.refuseReferenced) {
      const refs = await referrersOf(this, tx, ids);
      if (refs.length > 0) throw new RefusedRemoval(refs);
    }
    await access.appendAudit(this, tx, audit);
    for (const part of chunks(ids.sources ?? []))
      await this.run(tx, 'source/remove', { ids: part });
    for (const part of chunks(ids.parties ?? [])) await this.run(tx, 'party/remove', { ids: part });
    const clients: string[] = [];
    for (const part of chunks(ids.entrustments ?? [])) {
      const { records } = await this.run(tx, 'entrustment/remove', { ids: part });
      for (const row of records) clients.push(row.get('client') as string);
    }
    await redrawDelegations(this, tx, clients);
    for (const part of chunks(ids.incidents ?? []))
      await this.run(tx, 'incident/remove', { ids: part });
  }

  apiKeys(): Promise<ApiKey[]> {
    return access.apiKeys(this);
  }

  addApiKey(key: ApiKey, audit: AuditDraft): Promise<void> {
    return access.addApiKey(this, key, audit);
  }

  revokeApiKey(name: string, audit: AuditDraft): Promise<boolean> {
    return access.revokeApiKey(this, name, audit);
  }

  auditLog(first: number, after: string | null): Promise<AuditEntry[]> {
    return access.auditLog(this, first, after);
  }

  async counts(): Promise<StoreCounts> {
    const [row] = await this.read('store/counts', {});
    return {
      sources: toNumber(row!.get('sources')),
      parties: toNumber(row!.get('parties')),
      entrustments: toNumber(row!.get('entrustments')),
      incidents: toNumber(row!.get('incidents')),
    };
  }

  // Every request reads the generation (its ETag, its caches): asks at the same moment share a read.
  private readonly generations = new FreshRead(async () => {
    const [row] = await this.read('store/generation', {});
    return toNumber(row!.get('generation'));
  }, GENERATION_READS_SPACING_MS);

  generation(): Promise<number> {
    return this.generations.get();
  }

  async ping(): Promise<void> {
    this.ensureOpen();
    // An auto-commit read, not executeRead: that would retry for up to maxTransactionRetryTime.
    const session = this.driver.session({
      database: this.target.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      await session.run(this.cypher['store/ping'], {}, { timeout: PING_TIMEOUT_MS });
    } catch (error) {
      throw new StoreUnavailableError(
        `Neo4j at ${this.target.uri} does not answer: ${reasonOf(error)}`,
      );
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  /** A query that takes only `$ids`, each sent once; `decode` reads its rows. */
  private async byIds<T>(
    name: IdsQuery,
    ids: readonly string[],
    decode: (rows: Neo4jRecord[]) => T[],
  ): Promise<T[]> {
    if (ids.length === 0) return [];
    return decode(await this.read<IdsQuery>(name, { ids: [...new Set(ids)] }));
  }

  /** @internal shared with ./access.ts */
  run<Q extends QueryName>(tx: ManagedTransaction, name: Q, params: QueryParams<Q>) {
    return tx.run(this.cypher[name], params);
  }

  /**
   * One read, with the read time limit. First as an auto-commit query: one round trip, where a
   * managed transaction takes two or three (1.1–1.7 ms against 2.6–3.0 ms for a one-party read on
   * this machine), and a walk makes its reads in turn. A transient failure (a connection lost, a
   * cluster electing a leader) is read again as a managed transaction, which the driver retries
   * within its retry budget. @internal shared with ./access.ts
   */
  async read<Q extends QueryName>(
    name: Q,
    params: QueryParams<Q>,
    fetchSize?: number,
  ): Promise<Neo4jRecord[]> {
    const timeout = Math.ceil(this.target.readTimeoutS * 1000);
    const asRead = (error: unknown) => readError(error, name, this.target.readTimeoutS);
    const once = await this.session(
      (s) =>
        s.run(this.cypher[name], params, { timeout }).then(
          (result) => result.records,
          (error: unknown) => {
            if (isRetryableError(error)) return null;
            throw asRead(error);
          },
        ),
      { fetchSize, read: true },
    );
    if (once !== null) return once;
    const result = await this.session(
      (s) =>
        s
          .executeRead((tx) => this.run(tx, name, params), { timeout })
          .catch((error: unknown) => {
            throw asRead(error);
          }),
      { fetchSize },
    );
    return result.records;
  }

  /** One managed write transaction of `rows` records: all of `work` commits, or none of it. @internal shared with ./access.ts */
  async write(rows: number, work: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
    await this.session((s) => s.executeWrite(work, { timeout: writeTimeoutMs(rows) }));
  }

  private async session<T>(
    use: (session: Session) => Promise<T>,
    { fetchSize, read = false }: { fetchSize?: number; read?: boolean } = {},
  ): Promise<T> {
    this.ensureOpen();
    // One bookmark manager for every session: on a cluster, a read after a write sees the write.
    const session = this.driver.session({
      database: this.target.database,
      bookmarkManager: this.bookmarks,
      ...(fetchSize ? { fetchSize } : {}),
      ...(read ? { defaultAccessMode: neo4j.session.READ } : {}),
    });
    try {
      return await use(session);
    } catch (error) {
      throw toStoreError(error, this.target.uri);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the Neo4j store is closed');
  }
}
