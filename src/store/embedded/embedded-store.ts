import { statfsSync } from 'node:fs';
import type { ApiKey } from '../../access/model.js';
import type { AuditDraft, AuditEntry } from '../../register/audit.js';
import type { IsoDate, Period } from '../../domain/dates.js';
import { inForce, intersects } from '../../domain/dates.js';
import type {
  Category,
  Entrustment,
  Incident,
  Party,
  RegisterBatch,
  Source,
} from '../../domain/model.js';
import { readCategories } from './categories.js';
import type { EntrustmentLink } from '../../domain/graph/link-graph.js';
import type { WalkLink } from '../../domain/exposure/walk-link.js';
import type { DownstreamSource, UpstreamSource } from '../../domain/exposure/walk-link.js';
import { DiskFullError, isDiskFull, StoreUnavailableError, VcError } from '../../errors.js';
import type {
  FamilyTie,
  Reference,
  RemoveIds,
  RemoveOptions,
  StoreCounts,
  StorePort,
  UpsertOptions,
} from '../port.js';
import { addApiKey, readApiKeys, readAuditLog, revokeApiKey } from './access.js';
import { decodeEntrustmentLink } from './entrustment-codec.js';
import { RELATIONS } from './keys.js';
import { countOf, readMany, readRelated, scanPage } from './reads.js';
import { readScope } from './scopes.js';
import { KeptUpstream } from './upstream.js';
import { downstreamReader, readDownstream, readFamily } from './downstream.js';
import type { Tables } from './tables.js';
import { generationOf } from './generation.js';
import { removeRecords, writeBatch } from './writes.js';

const LINKS_PER_PAGE = 1_000;
/** Below this much free space, a failed write is taken for a full disk: LMDB reports EIO there. */
const NEARLY_FULL_BYTES = 16 * 1024 * 1024;

function nearlyFull(dir: string): boolean {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

const inWindow = (entrustments: Entrustment[], window?: Period) =>
  window ? entrustments.filter((e) => intersects(e, window)) : entrustments;

export class EmbeddedStore implements StorePort {
  readonly kind = 'embedded' as const;
  private closed = false;
  /** What walks up have read, kept until the next write (upstream.ts). */
  private upstream: KeptUpstream | null = null;

  constructor(
    private readonly tables: Tables,
    private readonly dataDir: string | null = null,
  ) {}

  async parties(ids: readonly string[]): Promise<Party[]> {
    return readMany(this.open().parties, ids);
  }

  async entrustments(ids: readonly string[]): Promise<Entrustment[]> {
    return readMany(this.open().entrustments, ids);
  }

  async incidents(ids: readonly string[]): Promise<Incident[]> {
    return readMany(this.open().incidents, ids);
  }

  async sources(ids: readonly string[]): Promise<Source[]> {
    return readMany(this.open().sources, ids);
  }

  async entrustmentsInto(partyIds: readonly string[], window?: Period): Promise<Entrustment[]> {
    const t = this.open();
    return inWindow(readRelated(t, RELATIONS.into, partyIds, t.entrustments), window);
  }

  async entrustmentsFrom(partyIds: readonly string[], window?: Period): Promise<Entrustment[]> {
    const t = this.open();
    return inWindow(readRelated(t, RELATIONS.from, partyIds, t.entrustments), window);
  }

  upstreamReader(): UpstreamSource {
    const tables = this.open();
    return (this.upstream ??= new KeptUpstream(tables));
  }

  downstreamReader(): DownstreamSource {
    return downstreamReader(this.open());
  }

  async upstreamRound(partyIds: readonly string[], ids: readonly string[]): Promise<WalkLink[]> {
    const reader = new KeptUpstream(this.open(), false);
    const rows = new Map<string, WalkLink>();
    for (const link of partyIds.flatMap((p) => reader.into(p))) rows.set(link.id, link);
    for (const link of ids.flatMap((id) => reader.get(id) ?? [])) rows.set(link.id, link);
    return [...rows.values()];
  }

  async downstreamLinks(partyIds: readonly string[], asOf?: IsoDate): Promise<WalkLink[]> {
    return readDownstream(this.open(), partyIds, asOf);
  }

  async corporateFamily(partyIds: readonly string[]): Promise<FamilyTie[]> {
    return readFamily(this.open(), partyIds);
  }

  async entrustmentsUnder(entrustmentIds: readonly string[]): Promise<Entrustment[]> {
    const t = this.open();
    return readRelated(t, RELATIONS.under, entrustmentIds, t.entrustments);
  }

  async incidentsAt(partyIds: readonly string[]): Promise<Incident[]> {
    const t = this.open();
    return readRelated(t, RELATIONS.incidentAt, partyIds, t.incidents);
  }

  async partiesWithParent(partyIds: readonly string[]): Promise<Party[]> {
    const t = this.open();
    return readRelated(t, RELATIONS.parent, partyIds, t.parties);
  }

  async servicesOperatedBy(partyIds: readonly string[]): Promise<Party[]> {
    const t = this.open();
    return readRelated(t, RELATIONS.operator, partyIds, t.parties);
  }

  async scanEntrustments(afterId: string | null, limit: number): Promise<Entrustment[]> {
    return scanPage(this.open().entrustments, afterId, limit);
  }

  async *entrustmentLinks(asOf?: IsoDate): AsyncIterable<EntrustmentLink[]> {
    // One range read, so the whole scan sees one snapshot; small pages, so each page's objects
    // are garbage before the next collection would have to copy them (measured: 1,000 links a
    // page read the 100k-party graph in two thirds of the time 10,000 took).
    let page: EntrustmentLink[] = [];
    for (const { key, value } of this.open().entrustments.db.getRange({})) {
      const link = decodeEntrustmentLink(key, value);
      if (asOf !== undefined && !inForce(link, asOf)) continue;
      page.push(link);
      if (page.length === LINKS_PER_PAGE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  async scanParties(afterId: string | null, limit: number): Promise<Party[]> {
    return scanPage(this.open().parties, afterId, limit);
  }

  async categories(): Promise<Category[]> {
    return readCategories(this.open());
  }

  async scanIncidents(afterId: string | null, limit: number): Promise<Incident[]> {
    return scanPage(this.open().incidents, afterId, limit);
  }

  async upsert(
    batch: RegisterBatch,
    onProgress?: (done: number, total: number) => void,
    audit?: AuditDraft,
    options?: UpsertOptions,
  ): Promise<void> {
    const t = this.open();
    const total = this.writing(() => writeBatch(t, batch, onProgress, audit, options));
    // The synchronous commit has already flushed; this also waits for any earlier async write.
    await t.root.flushed;
    onProgress?.(total, total);
  }

  async remove(ids: RemoveIds, audit?: AuditDraft, options?: RemoveOptions): Promise<Reference[]> {
    const t = this.open();
    const refused = this.writing(() => removeRecords(t, ids, audit, options));
    await t.root.flushed;
    return refused;
  }

  async scopeHoldings(scope: string): Promise<string[]> {
    return readScope(this.open(), scope);
  }

  async apiKeys(): Promise<ApiKey[]> {
    return readApiKeys(this.open());
  }

  async addApiKey(key: ApiKey, audit: AuditDraft): Promise<void> {
    const t = this.open();
    this.writing(() => addApiKey(t, key, audit));
    await t.root.flushed;
  }

  async revokeApiKey(name: string, audit: AuditDraft): Promise<boolean> {
    const t = this.open();
    const revoked = revokeApiKey(t, name, audit);
    await t.root.flushed;
    return revoked;
  }

  async auditLog(first: number, after: string | null): Promise<AuditEntry[]> {
    return readAuditLog(this.open(), first, after);
  }

  async counts(): Promise<StoreCounts> {
    const t = this.open();
    return {
      sources: countOf(t.sources),
      parties: countOf(t.parties),
      entrustments: countOf(t.entrustments),
      incidents: countOf(t.incidents),
    };
  }

  async generation(): Promise<number> {
    return generationOf(this.open());
  }

  async ping(): Promise<void> {
    const t = this.open();
    try {
      t.root.getStats();
    } catch (error) {
      throw new StoreUnavailableError(
        `the embedded store does not answer: ${(error as Error).message}`,
      );
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.upstream = null;
    await this.tables.root.close();
  }

  /** A full disk aborts the transaction (nothing written) and says so, not as an internal error. */
  private writing<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (error instanceof VcError) throw error;
      if (isDiskFull(error) || (this.dataDir !== null && nearlyFull(this.dataDir)))
        throw new DiskFullError(`the data directory ${this.dataDir ?? '(DATA_DIR)'}`);
      throw error;
    } finally {
      // LMDB's reads see the write at once, within this turn too: so do the walks' (upstream.ts).
      this.upstream?.recheck();
    }
  }

  private open(): Tables {
    if (this.closed) throw new StoreUnavailableError('the embedded store is closed');
    return this.tables;
  }
}
