import type { ApiKey } from '../../access/model.js';
import type { AuditDraft, AuditEntry } from '../../register/audit.js';
import { OutOfScopeError } from '../../errors.js';
import type { IsoDate, Period } from '../dates.js';
import type { WalkLink } from '../exposure/walk-link.js';
import type { EntrustmentLink } from '../graph/link-graph.js';
import { byId } from '../links.js';
import type { Category, Entrustment, Incident, Party, RegisterBatch, Source } from '../model.js';
import type {
  FamilyTie,
  Reference,
  RemoveIds,
  RemoveOptions,
  StoreCounts,
  StorePort,
  UpsertOptions,
} from '../../store/port.js';
import { entrustmentInView, partyInView, scopeView, type ScopeView } from './scope-view.js';
import { checkScopedWrite } from './scoped-writes.js';

const inOrder = (ids: Iterable<string>) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The store as a key scoped to some controllers sees it: the same port, holding only those
 * controllers' chains (scope-view.ts). Every analysis reads through the port, so every answer —
 * blast radius, findings, concentration, search, lists — is computed over the scope alone, on
 * any store, by the same domain code. The view is recomputed when the store's generation changes.
 */
export class ScopedStore implements StorePort {
  private cached: { generation: number; view: Promise<ScopeView> } | null = null;

  constructor(
    private readonly inner: StorePort,
    readonly controllers: readonly string[],
  ) {}

  get kind() {
    return this.inner.kind;
  }

  /** The view at the store's current generation. */
  async view(): Promise<ScopeView> {
    const generation = await this.inner.generation();
    if (this.cached?.generation !== generation) {
      const view = scopeView(this.inner, this.controllers);
      this.cached = { generation, view };
      // A failed computation is not kept: the next read tries again.
      view.catch(() => {
        if (this.cached?.view === view) this.cached = null;
      });
    }
    return this.cached.view;
  }

  private async shownParties(found: Promise<Party[]>): Promise<Party[]> {
    const [view, parties] = await Promise.all([this.view(), found]);
    return parties.filter((p) => view.parties.has(p.id)).map((p) => partyInView(p, view));
  }

  private async shownEntrustments(found: Promise<Entrustment[]>): Promise<Entrustment[]> {
    const [view, list] = await Promise.all([this.view(), found]);
    return list.filter((e) => view.entrustments.has(e.id)).map((e) => entrustmentInView(e, view));
  }

  private async shownIncidents(found: Promise<Incident[]>): Promise<Incident[]> {
    const [view, list] = await Promise.all([this.view(), found]);
    return list.filter((i) => view.incidents.has(i.id));
  }

  parties(ids: readonly string[]) {
    return this.shownParties(this.inner.parties(ids));
  }
  entrustments(ids: readonly string[]) {
    return this.shownEntrustments(this.inner.entrustments(ids));
  }
  incidents(ids: readonly string[]) {
    return this.shownIncidents(this.inner.incidents(ids));
  }
  async sources(ids: readonly string[]): Promise<Source[]> {
    const view = await this.view();
    return this.inner.sources(ids.filter((id) => view.sources.has(id)));
  }
  entrustmentsInto(partyIds: readonly string[], window?: Period) {
    return this.shownEntrustments(this.inner.entrustmentsInto(partyIds, window));
  }
  entrustmentsFrom(partyIds: readonly string[], window?: Period) {
    return this.shownEntrustments(this.inner.entrustmentsFrom(partyIds, window));
  }
  // What the store reads holds the view's: a `under` the view cuts only loses names, never
  // becomes absent (scope-view.ts), so the view walks no link the store's walk did not.
  async upstreamRound(
    partyIds: readonly string[],
    ids: readonly string[],
    window: Period,
  ): Promise<WalkLink[]> {
    const [view, rows] = await Promise.all([
      this.view(),
      this.inner.upstreamRound(partyIds, ids, window),
    ]);
    return rows.filter((e) => view.entrustments.has(e.id)).map((e) => entrustmentInView(e, view));
  }
  async downstreamLinks(partyIds: readonly string[], asOf?: IsoDate): Promise<WalkLink[]> {
    const [view, rows] = await Promise.all([
      this.view(),
      this.inner.downstreamLinks(partyIds, asOf),
    ]);
    return rows.filter((e) => view.entrustments.has(e.id)).map((e) => entrustmentInView(e, view));
  }
  // Links to parties outside the view are cut, as partyInView cuts them.
  async corporateFamily(partyIds: readonly string[]): Promise<FamilyTie[]> {
    const view = await this.view();
    const ties = await this.inner.corporateFamily(partyIds.filter((id) => view.parties.has(id)));
    return ties
      .filter((t) => view.parties.has(t.id))
      .map(({ parent, operator, ...tie }) => ({
        ...tie,
        ...(parent !== undefined && view.parties.has(parent) ? { parent } : {}),
        ...(operator !== undefined && view.parties.has(operator) ? { operator } : {}),
      }));
  }
  async entrustmentsUnder(entrustmentIds: readonly string[]) {
    const view = await this.view();
    const ids = entrustmentIds.filter((id) => view.entrustments.has(id));
    return this.shownEntrustments(this.inner.entrustmentsUnder(ids));
  }
  incidentsAt(partyIds: readonly string[]) {
    return this.shownIncidents(this.inner.incidentsAt(partyIds));
  }
  // Asked by hidden ids, these would name links the view has cut (partyInView): they are not asked.
  async partiesWithParent(partyIds: readonly string[]) {
    const view = await this.view();
    const ids = partyIds.filter((id) => view.parties.has(id));
    return this.shownParties(this.inner.partiesWithParent(ids));
  }
  async servicesOperatedBy(partyIds: readonly string[]) {
    const view = await this.view();
    const ids = partyIds.filter((id) => view.parties.has(id));
    return this.shownParties(this.inner.servicesOperatedBy(ids));
  }

  // Scans page through the view's own ids: the scope is small next to the store.
  async scanEntrustments(afterId: string | null, limit: number): Promise<Entrustment[]> {
    const ids = inOrder((await this.view()).entrustments).filter((id) => !afterId || id > afterId);
    return (await this.entrustments(ids.slice(0, limit))).sort(byId);
  }
  async scanParties(afterId: string | null, limit: number): Promise<Party[]> {
    const ids = inOrder((await this.view()).parties).filter((id) => !afterId || id > afterId);
    return (await this.parties(ids.slice(0, limit))).sort(byId);
  }
  /** Declared categories are the register's vocabulary, not any controller's records. */
  categories(): Promise<Category[]> {
    return this.inner.categories();
  }
  async scanIncidents(afterId: string | null, limit: number): Promise<Incident[]> {
    const ids = inOrder((await this.view()).incidents).filter((id) => !afterId || id > afterId);
    return (await this.incidents(ids.slice(0, limit))).sort(byId);
  }
  async *entrustmentLinks(asOf?: IsoDate): AsyncIterable<EntrustmentLink[]> {
    const view = await this.view();
    for await (const page of this.inner.entrustmentLinks(asOf)) {
      const shown = page.filter((e) => view.entrustments.has(e.id));
      if (shown.length > 0) yield shown.map((e) => entrustmentInView(e, view));
    }
  }

  generation() {
    return this.inner.generation();
  }

  async upsert(
    batch: RegisterBatch,
    onProgress?: (done: number, total: number) => void,
    audit?: AuditDraft,
    options?: UpsertOptions,
  ): Promise<void> {
    await checkScopedWrite(this.inner, await this.view(), batch);
    let scoped = options;
    if (options?.scope) {
      // A sync scope may also hold entrustments this key does not see: they stay held.
      const view = await this.view();
      const hidden = (await this.inner.scopeHoldings(options.scope.name)).filter(
        (id) => !view.entrustments.has(id),
      );
      scoped = {
        ...options,
        scope: { ...options.scope, entrustments: [...options.scope.entrustments, ...hidden] },
      };
    }
    return this.inner.upsert(batch, onProgress, audit, scoped);
  }

  async remove(ids: RemoveIds, audit?: AuditDraft, options?: RemoveOptions): Promise<Reference[]> {
    const view = await this.view();
    // Ids outside the view are unknown here, and unknown ids are ignored.
    const visible: RemoveIds = {
      sources: ids.sources?.filter((id) => view.sources.has(id)),
      parties: ids.parties?.filter((id) => view.parties.has(id)),
      entrustments: ids.entrustments?.filter((id) => view.entrustments.has(id)),
      incidents: ids.incidents?.filter((id) => view.incidents.has(id)),
    };
    const refused = await this.inner.remove(visible, audit, options);
    // A record outside the view that still refers to one being removed is not named.
    return refused.map((r) =>
      isVisible(view, r.from) ? r : { ...r, from: { kind: r.from.kind, id: '(outside this key)' } },
    );
  }

  async scopeHoldings(scope: string): Promise<string[]> {
    const view = await this.view();
    return (await this.inner.scopeHoldings(scope)).filter((id) => view.entrustments.has(id));
  }

  apiKeys(): Promise<ApiKey[]> {
    return this.inner.apiKeys();
  }
  addApiKey(): Promise<void> {
    return Promise.reject(new OutOfScopeError('creating keys'));
  }
  revokeApiKey(): Promise<boolean> {
    return Promise.reject(new OutOfScopeError('revoking keys'));
  }
  // The log names records of every controller, so it is for unscoped keys only.
  auditLog(): Promise<AuditEntry[]> {
    return Promise.reject(new OutOfScopeError("the audit log (every controller's writes)"));
  }

  async counts(): Promise<StoreCounts> {
    const view = await this.view();
    return {
      sources: view.sources.size,
      parties: view.parties.size,
      entrustments: view.entrustments.size,
      incidents: view.incidents.size,
    };
  }

  ping() {
    return this.inner.ping();
  }
  /** The view does not own the store it looks through. */
  async close(): Promise<void> {}
}

function isVisible(view: ScopeView, record: Reference['from']): boolean {
  const sets = {
    sources: view.sources,
    parties: view.parties,
    entrustments: view.entrustments,
    incidents: view.incidents,
  };
  return sets[record.kind].has(record.id);
}
