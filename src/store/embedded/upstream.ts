import { intersects, type Period } from '../../domain/dates.js';
import type { UpstreamSource } from '../../domain/exposure/walk-link.js';
import type { WalkLink } from '../../domain/exposure/walk-link.js';
import { decodeEntrustmentLinkBytes } from './entrustment-codec.js';
import { RELATIONS, rangeOf } from './keys.js';
import type { Tables } from './tables.js';

/**
 * StorePort.upstreamLinks from the indexes, in one synchronous read (one snapshot): each party
 * and each entrustment is read once, however many paths lead to it, and only its link line (not
 * its JSON); confidence, disclosed and subjects are left to withEvidence, for the few the walk
 * takes.
 */
export function readUpstream(
  tables: Tables,
  partyIds: readonly string[],
  window: Period,
): WalkLink[] {
  const found = new Set<string>();
  const partiesRead = new Set<string>();
  const queue: WalkLink[] = [];
  const take = (id: string) => {
    if (found.has(id)) return;
    found.add(id);
    const bytes = tables.entrustments.db.getBinaryFast(id);
    if (bytes !== undefined) queue.push(decodeEntrustmentLinkBytes(id, bytes));
  };
  const into = (party: string) => {
    if (partiesRead.has(party)) return;
    partiesRead.add(party);
    for (const [, target, id] of tables.index.getKeys(rangeOf(RELATIONS.into, party)))
      if (target === party) take(id);
  };
  partyIds.forEach(into);
  for (let k = 0; k < queue.length; k++) {
    const e = queue[k]!;
    if (!intersects(e, window)) continue;
    if (e.under === undefined) into(e.client);
    else e.under.forEach(take);
  }
  return queue;
}

/** StorePort.upstreamReader: entrustments read as the walk meets them, each once. */
export function upstreamReader(tables: Tables): UpstreamSource {
  const read = new Map<string, WalkLink | undefined>();
  const intoRead = new Map<string, WalkLink[]>();
  const get = (id: string): WalkLink | undefined => {
    if (read.has(id)) return read.get(id);
    const bytes = tables.entrustments.db.getBinaryFast(id);
    const link = bytes === undefined ? undefined : decodeEntrustmentLinkBytes(id, bytes);
    read.set(id, link);
    return link;
  };
  return {
    get,
    into(party) {
      let list = intoRead.get(party);
      if (list === undefined) {
        list = [];
        for (const [, target, id] of tables.index.getKeys(rangeOf(RELATIONS.into, party)))
          if (target === party) {
            const link = get(id as string);
            if (link) list.push(link);
          }
        list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        intoRead.set(party, list);
      }
      return list;
    },
  };
}
