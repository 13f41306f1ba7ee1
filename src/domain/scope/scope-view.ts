import type { Entrustment, Incident, Party } from '../model.js';
import { supplyChain } from '../supply-chain.js';
import type { StorePort } from '../../store/port.js';

/**
 * What a key scoped to some controllers may see: their chains (every entrustment walked down from
 * each, at any time, declared or inferred), the parties at either end of those entrustments, the
 * incidents at those parties and the sources those records cite. Everything else does not exist
 * for that key.
 */
export interface ScopeView {
  controllers: readonly string[];
  parties: ReadonlySet<string>;
  entrustments: ReadonlySet<string>;
  incidents: ReadonlySet<string>;
  sources: ReadonlySet<string>;
}

/** The view of `controllers` over the whole store; a controller the store lacks adds nothing. */
export async function scopeView(
  store: StorePort,
  controllers: readonly string[],
): Promise<ScopeView> {
  const parties = new Set<string>();
  const entrustments = new Set<string>();
  const present = await store.parties(controllers);
  for (const controller of present) {
    parties.add(controller.id);
    const chain = await supplyChain(store, controller.id);
    for (const { entrustment } of chain.links) {
      entrustments.add(entrustment.id);
      parties.add(entrustment.client);
      parties.add(entrustment.contractor);
    }
  }
  const [partyRecords, entrustmentRecords, incidentRecords] = await Promise.all([
    store.parties([...parties]),
    store.entrustments([...entrustments]),
    store.incidentsAt([...parties]),
  ]);
  const sources = new Set<string>();
  const cite = (r: Party | Entrustment | Incident) => r.sources.forEach((s) => sources.add(s));
  partyRecords.forEach((p) => {
    cite(p);
    p.certifications.forEach((c) => c.sources.forEach((s) => sources.add(s)));
  });
  entrustmentRecords.forEach(cite);
  incidentRecords.forEach(cite);
  return {
    controllers,
    parties,
    entrustments,
    incidents: new Set(incidentRecords.map((i) => i.id)),
    sources,
  };
}

/** A party as the view shows it: links to parties outside it (operator, parent, consortia) cut. */
export function partyInView(p: Party, view: ScopeView): Party {
  const { operator, parent, ...rest } = p;
  const shown: Party = { ...rest, memberOf: p.memberOf.filter((m) => view.parties.has(m.party)) };
  if (operator !== undefined && view.parties.has(operator)) shown.operator = operator;
  if (parent !== undefined && view.parties.has(parent)) shown.parent = parent;
  return shown;
}

/** An entrustment as the view shows it: `under` and `approvedBy` name only what is in it. */
export function entrustmentInView<E extends Pick<Entrustment, 'under'>>(
  e: E & { approvedBy?: string[] },
  view: ScopeView,
): E {
  const shown = { ...e };
  if (e.under !== undefined) shown.under = e.under.filter((u) => view.entrustments.has(u));
  if (e.approvedBy !== undefined)
    shown.approvedBy = e.approvedBy.filter((a) => view.parties.has(a));
  return shown;
}
