import { inForce, type IsoDate } from './dates.js';
import type { Incident, Party } from './model.js';
import { keptReads } from './exposure/kept-reads.js';
import { ofOneRegister } from './graph/one-register.js';
import { keptUpIndex, rootControllers } from './roots.js';
import { NotFoundError } from '../errors.js';
import type { FamilyTie, StorePort } from '../store/port.js';
import { groupBy } from './links.js';

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
  /** Records exposed over the incidents that record a count, by their latest counts. */
  recordsExposed: number;
  /** Incidents whose count is not recorded: unknown, not zero, and not in recordsExposed. */
  recordsUnknown: number;
}

/**
 * A corporate group (via parent, transitively, and every member under the same top) and what it
 * holds, read of one register (graph/one-register.ts): a write between its reads and its walk up
 * would give controllers above an entrustment that is gone.
 * @param asked the generation the asker read when its request began (PerGeneration.get).
 */
export function groupExposure(
  store: StorePort,
  partyId: string,
  asOf?: IsoDate,
  asked?: Promise<number>,
): Promise<GroupExposure> {
  return ofOneRegister(store, (generation) => exposureOf(store, partyId, asOf, generation), asked);
}

async function exposureOf(
  store: StorePort,
  partyId: string,
  asOf: IsoDate | undefined,
  generation: number,
): Promise<GroupExposure> {
  // The kept rows the walk below reads into are those of the generation read before every read
  // here, looked up beside the family: not one more round trip in turn. Awaited only there.
  const kept = store.upstreamReader ? undefined : keptReads(store, Promise.resolve(generation));
  kept?.catch(() => undefined);
  // What walks up to the roots learned of this generation (a chain's findings, another group's):
  // a group whose members a hub's clients reach walks most of the register, and walked it again on
  // every ask (3.7 s at a leaf of the bench's 100k register).
  const index = keptUpIndex(store, Promise.resolve(generation));
  index.catch(() => undefined);
  // One read of the family's ties whatever its depth; the group is found here, in memory.
  const [[party], family] = await Promise.all([
    store.parties([partyId]),
    store.corporateFamily([partyId]),
  ]);
  if (!party) throw new NotFoundError('party', partyId);
  const ties = new Map<string, FamilyTie>(family.map((t) => [t.id, t]));
  ties.set(party.id, party);
  // A service belongs to the group of the company that runs it.
  let top: FamilyTie = party;
  for (const seen = new Set([top.id]); ;) {
    const up = top.parent ?? (top.kind === 'service' ? top.operator : undefined);
    if (!up || seen.has(up)) break;
    const next = ties.get(up);
    if (!next) break;
    seen.add(next.id);
    top = next;
  }
  const childrenOf = groupBy(
    [...ties.values()].filter((t) => t.parent !== undefined),
    (t) => t.parent!,
  );
  const runBy = groupBy(
    [...ties.values()].filter((t) => t.kind === 'service' && t.operator !== undefined),
    (t) => t.operator!,
  );
  // Level by level down the tree: children of this level, and the services they run.
  const memberIds = new Set([top.id]);
  const serviceIds = new Set<string>();
  for (let level = [top.id]; level.length > 0;) {
    const fresh = level
      .flatMap((id) => childrenOf.get(id) ?? [])
      .filter((c) => !memberIds.has(c.id));
    for (const c of fresh) memberIds.add(c.id);
    for (const s of level.flatMap((id) => runBy.get(id) ?? []))
      if (!memberIds.has(s.id)) serviceIds.add(s.id);
    level = fresh.map((c) => c.id);
  }
  // The records of members and services and what goes into them, read at once; an id without a
  // record (a tie to a party not in the register) holds nothing.
  const ids = [...memberIds, ...serviceIds];
  const [found, intoAny, incidentsAtAny] = await Promise.all([
    store.parties(ids),
    store.entrustmentsInto(ids),
    store.incidentsAt(ids),
  ]);
  const records = new Map(found.map((p) => [p.id, p]));
  const members = new Map(
    [...memberIds].flatMap((id) => (records.has(id) ? ([[id, records.get(id)!]] as const) : [])),
  );
  const services = new Map(
    [...serviceIds].flatMap((id) => (records.has(id) ? ([[id, records.get(id)!]] as const) : [])),
  );
  const into = intoAny.filter((e) => records.has(e.contractor));
  const incidents = incidentsAtAny.filter((i) => records.has(i.party));
  const current = into.filter((e) => !asOf || inForce(e, asOf));
  // Read in rounds into the store's kept rows, where it is read so: a group's services are hubs,
  // and a leak at one of them (blast-radius.ts) has read most of what this walk reads.
  const roots = await rootControllers(store, current, undefined, await index, await kept);
  const through = new Map<string, Set<string>>();
  for (const e of current)
    for (const r of roots.get(e.id) ?? []) {
      if (!through.has(r)) through.set(r, new Set());
      through.get(r)!.add(e.contractor);
    }
  return {
    incidentCount: incidents.length,
    recordsExposed: incidents.reduce((n, i) => n + (i.records ?? 0), 0),
    recordsUnknown: incidents.filter((i) => i.records == null).length,
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
