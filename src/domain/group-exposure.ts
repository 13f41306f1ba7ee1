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
}

/** A corporate group (via parent, transitively, and every member under the same top) and what it holds. */
export async function groupExposure(store: StorePort, partyId: string, asOf?: IsoDate): Promise<GroupExposure> {
  const [party] = await store.parties([partyId]);
  if (!party) throw new NotFoundError('party', partyId);
  let top = party;
  for (const seen = new Set([top.id]); top.parent && !seen.has(top.parent); ) {
    const [parent] = await store.parties([top.parent]);
    if (!parent) break;
    seen.add(parent.id);
    top = parent;
  }
  const members = new Map([[top.id, top]]);
  for (let level = [top.id]; level.length > 0; ) {
    const children = (await store.partiesWithParent(level)).filter((p) => !members.has(p.id));
    for (const c of children) members.set(c.id, c);
    level = children.map((c) => c.id);
  }
  const services = (await store.servicesOperatedBy([...members.keys()])).filter((s) => !members.has(s.id));
  const holders = [...members.keys(), ...services.map((s) => s.id)];
  const [into, incidents] = await Promise.all([store.entrustmentsInto(holders), store.incidentsAt(holders)]);
  const current = into.filter((e) => !asOf || inForce(e, asOf));
  const roots = await rootControllers(store, current);
  const through = new Map<string, Set<string>>();
  for (const e of current) for (const r of roots.get(e.id) ?? []) {
    if (!through.has(r)) through.set(r, new Set());
    through.get(r)!.add(e.contractor);
  }
  return {
    group: top.id,
    members: [...members.values()].sort((a, b) => a.id.localeCompare(b.id)),
    services: services.sort((a, b) => a.id.localeCompare(b.id)),
    controllers: [...through].map(([p, via]) => ({ party: p, through: [...via].sort() })).sort((a, b) => a.party.localeCompare(b.party)),
    incidents: incidents.sort((a, b) => (a.from ?? a.detected ?? '').localeCompare(b.from ?? b.detected ?? '') || a.id.localeCompare(b.id)),
  };
}
