import { breachObligations, type Obligation } from './breach-obligations.js';
import type { AffectedController } from './blast-radius.js';
import type { Entrustment, Incident, Party, Source } from './model.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { StorePort } from '../store/port.js';

/**
 * What an incident responder sends one affected controller: why it is affected (its paths, each
 * hop with its sources), which data, how many records, its breach-report deadlines, how to reach
 * it, and whether it is unaware (nobody in the chain will tell it). The renderers
 * (src/notify/) turn this into Markdown and JSON; it holds no wording of its own.
 */
export interface NotificationPacket {
  incident: Incident;
  controller: AffectedController;
  clockStarted: boolean;
  obligations: Obligation[];
  /** Hops on the controller's paths that were not disclosed to it: why nobody will tell it. */
  undisclosed: Entrustment[];
  /** Every party the packet names (controller, hop ends, leaking party), by id. */
  parties: ReadonlyMap<string, Party>;
  /** Every source the packet cites (the hops' and the incident's), by id. */
  sources: ReadonlyMap<string, Source>;
}

export interface NotificationPackets {
  incident: Incident;
  packets: NotificationPacket[];
  /** Some path counts are lower bounds (the controllers are all there). */
  truncated: boolean;
}

/**
 * One packet per controller the incident reaches, in blast-radius order (CONFIRMED first), or
 * only the packet of `controller`, which must be one of them.
 */
export async function notificationPackets(
  store: StorePort,
  incidentId: string,
  controller?: string,
): Promise<NotificationPackets> {
  const [incident] = await store.incidents([incidentId]);
  if (!incident) throw new NotFoundError('incident', incidentId);
  const obligations = await breachObligations(store, incidentId);
  const reached = obligations.controllers.map((c) => c.controller.party);
  if (controller !== undefined && !reached.includes(controller)) {
    throw new BadInputError(
      'controller',
      `"${controller}" is not among the controllers ${incident.id} reaches (${reached.join(', ') || 'none'})`,
    );
  }
  const chosen = obligations.controllers.filter(
    (c) => controller === undefined || c.controller.party === controller,
  );
  const hops = chosen.flatMap((c) => c.controller.paths.flatMap((p) => p.hops));
  // Two batched reads for everything the packets name, whatever their number.
  const partyIds = new Set([
    incident.party,
    ...chosen.map((c) => c.controller.party),
    ...hops.flatMap((h) => [h.client, h.contractor]),
  ]);
  const sourceIds = new Set([...incident.sources, ...hops.flatMap((h) => h.sources)]);
  const [parties, sources] = await Promise.all([
    store.parties([...partyIds]),
    store.sources([...sourceIds]),
  ]);
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const packets = chosen.map((c) => {
    const seen = new Set<string>();
    const undisclosed = c.controller.paths
      .flatMap((p) => p.hops)
      .filter((h) => !h.disclosed && !seen.has(h.id) && seen.add(h.id) !== undefined);
    return {
      incident,
      controller: c.controller,
      clockStarted: c.clockStarted,
      obligations: c.obligations,
      undisclosed,
      parties: partyById,
      sources: sourceById,
    };
  });
  return { incident, packets, truncated: obligations.truncated };
}
