import { intersects, type Period } from '../../domain/dates.js';
import { walkLinkOf, type WalkLink } from '../../domain/exposure/walk-link.js';
import type { Entrustment } from '../../domain/model.js';
import { RELATIONS } from './keys.js';
import { readMany, readRelated } from './reads.js';
import type { Tables } from './tables.js';

/**
 * StorePort.upstreamLinks from the indexes, in one synchronous read (one snapshot): each party
 * and each entrustment is read once, however many paths lead to it.
 */
export function readUpstream(
  tables: Tables,
  partyIds: readonly string[],
  window: Period,
): WalkLink[] {
  const found = new Map<string, WalkLink>();
  const partiesRead = new Set<string>();
  const queue: WalkLink[] = [];
  const take = (entrustments: Entrustment[]) => {
    for (const e of entrustments)
      if (!found.has(e.id)) {
        const link = walkLinkOf(e);
        found.set(e.id, link);
        queue.push(link);
      }
  };
  const into = (party: string) => {
    if (partiesRead.has(party)) return;
    partiesRead.add(party);
    take(readRelated(tables, RELATIONS.into, [party], tables.entrustments));
  };
  partyIds.forEach(into);
  for (let k = 0; k < queue.length; k++) {
    const e = queue[k]!;
    if (!intersects(e, window)) continue;
    if (e.under === undefined) into(e.client);
    else
      take(
        readMany(
          tables.entrustments,
          e.under.filter((id) => !found.has(id)),
        ),
      );
  }
  return queue;
}
