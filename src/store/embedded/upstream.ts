import type { UpstreamSource } from '../../domain/exposure/walk-link.js';
import type { WalkLink } from '../../domain/exposure/walk-link.js';
import { decodeEntrustmentLinkBytes } from './entrustment-codec.js';
import { RELATIONS, rangeOf } from './keys.js';
import type { Tables } from './tables.js';

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
