import { inForce, type IsoDate } from './dates.js';
import type { Incident, Party } from './model.js';
import { rootControllers } from './roots.js';
import { NotFoundError } from '../errors.js';
import type { StorePort } from '../store/port.js';

export interface GroupExposure {
  /** The top of the corporate group (the party itself when it has no parent). */
  group: string;
  members: Party[];
  /** Services operated by a member. */
  services: Party[];
  /** Every controller whose data reaches a member or one of its services, with which ones. */
  controllers: { party: string; through: string[] }[];
  incidents: Incident[];
  incidentCount: number;
  /** Records exposed over all incidents, by their latest known counts. */
  recordsExposed: number;
}

/** A corporate group (via parent, transitively, and every member under the same top) and what it holds. */
export async function groupExposure(
  store: StorePort,
  partyId: string,
  asOf?: IsoDate,
): Promise<GroupExposure> {
  const [party] = await store.parties([partyId]);
  if (!party) throw new NotFoundError('party', partyId);
  // A service belongs to the group of the company that runs it.
  let top = party;
  for (const seen = new Set([top.id]); ;) {
    const up = top.parent ?? (top.kind === 'service' ? top.operator : undefined);
    if (!up || seen.has(up)) break;
    const [next] = await store.parties([up]);
    if (!next) break;
    seen.add(next.id);
    top = next;
  }
  // Level by level down the tree: children of this level, and the services they run.
  const members = new Map([[top.id, top]]);
  const services = new Map<string, Party>();
  for (let level = [top.id]; level.length > 0;) {
    const [children, run] = await Promise.all([
      store.partiesWithParent(level),
      store.servicesOperatedBy(level),
    ]);
    const fresh = children.filter((p) => !members.has(p.id));
    for (const c of fresh) members.set(c.id, c);
    for (const s of run) if (!members.has(s.id)) services.set(s.id, s);
    level = fresh.map((c) => c.id);
  }
  const holders = [...members.keys(), ...services.keys()];
  const [into, incidents] = await Promise.all([
    store.entrustmentsInto(holders),
    store.incidentsAt(holders),
  ]);
  const current = into.filter((e) => !asOf || inForce(e, asOf));
  const roots = await rootControllers(store, current);
  const through = new Map<string, Set<string>>();
  for (const e of current)
    for (const r of roots.get(e.id) ?? []) {
      if (!through.has(r)) through.set(r, new Set());
      through.get(r)!.add(e.contractor);
    }
  return {
    incidentCount: incidents.length,
    recordsExposed: incidents.reduce((n, i) => n + (i.records ?? 0), 0),
    group: top.id,
    members: [...members.values()].sort((a, b) => a.id.localeCompare(b.id)),
    services: [...services.values()].sort((a, b) => a.id.localeCompare(b.id)),
    controllers: [...through]
      .map(([p, via]) => ({ party: p, through: [...via].sort() }))
      .sort((a, b) => a.party.localeCompare(b.party)),
    incidents: incidents.sort(
      (a, b) =>
        (a.from ?? a.detected ?? '').localeCompare(b.from ?? b.detected ?? '') ||
        a.id.localeCompare(b.id),
    ),
  };
}
