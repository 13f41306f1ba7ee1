import type { Obligation } from './breach-obligations.js';
import type { Entrustment, Incident, Party, Source } from './model.js';
import { notificationPackets } from './notification-packets.js';
import type { Exposure } from './blast-radius.js';
import type { StorePort } from '../store/port.js';

// The facts of a PPC breach report (漏えい等報告) for one controller an incident reaches; the
// wording of its nine items is the renderer's (src/filings/breach-items.ts).
//
// Who files: under the PPC's guidelines on APPI Art. 26(1), a contractor that has promptly
// informed the business that entrusted it the data does not report itself; the entrusting
// business reports. Along an exposure path, then, the controller files, and every contractor on
// the path only has to inform its own client, up to the controller.

export interface BreachInformer {
  /** A contractor on an exposure path. */
  party: Party;
  /** The client it must inform: the party that entrusted it the data. */
  informs: Party;
  entrustment: Entrustment;
}

export interface BreachReport {
  incident: Incident;
  /** Where the leak happened. */
  leakingParty: Party;
  /** The controller, which files the report. */
  controller: Party;
  exposure: Exposure;
  aware: boolean;
  clockStarted: boolean;
  /** Exposed categories for this controller (the incident's when the paths name none). */
  data: string[];
  /** People affected: the controller's estimate, else the incident's count. */
  records?: number;
  /** The shortest exposure path, controller first. */
  path: Entrustment[];
  /** Hops not disclosed to the controller: why it may never hear of the leak. */
  undisclosed: Entrustment[];
  informers: BreachInformer[];
  /** APPI (when the controller is Japanese): whether a report is required, and why. */
  appi: Obligation | null;
  obligations: Obligation[];
  sources: Source[];
}

export async function breachReport(
  store: StorePort,
  incidentId: string,
  controllerId: string,
): Promise<BreachReport> {
  const { incident, packets } = await notificationPackets(store, incidentId, controllerId);
  const packet = packets[0]!;
  const c = packet.controller;
  const party = (id: string) => packet.parties.get(id)!;
  const seen = new Set<string>();
  const informers: BreachInformer[] = [];
  for (const path of c.paths)
    for (const hop of path.hops) {
      const key = `${hop.contractor}>${hop.client}`;
      if (seen.has(key)) continue;
      seen.add(key);
      informers.push({
        party: party(hop.contractor),
        informs: party(hop.client),
        entrustment: hop,
      });
    }
  const [leakingParty] = await store.parties([incident.party]);
  return {
    incident,
    leakingParty: leakingParty!,
    controller: party(c.party),
    exposure: c.exposure,
    aware: c.aware,
    clockStarted: packet.clockStarted,
    data: c.dataKnown ? c.data : incident.data,
    ...((c.records ?? incident.records) === undefined
      ? {}
      : { records: c.records ?? incident.records }),
    path: c.paths[0]?.hops ?? [],
    undisclosed: packet.undisclosed,
    informers,
    appi: packet.obligations.find((o) => o.law === 'APPI') ?? null,
    obligations: packet.obligations,
    sources: incident.sources.flatMap((id) => packet.sources.get(id) ?? []),
  };
}
