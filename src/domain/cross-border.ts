import type { IsoDate } from './dates.js';
import type { LinkKind } from './links.js';
import type { Entrustment } from './model.js';
import { supplyChain } from './supply-chain.js';
import { BadInputError } from '../errors.js';
import type { StorePort } from '../store/port.js';

export interface CrossBorderHop {
  entrustment: Entrustment;
  /** Controller's entrustment first, this hop last (the shallowest way down). */
  path: Entrustment[];
  link: LinkKind;
  /** Foreign countries where the data is stored. */
  stored: string[];
  /** Foreign countries from which it is accessed. */
  accessed: string[];
  /** APPI Art. 28: provision to a third party abroad needs a basis; none recorded is a finding. */
  missingBasis: boolean;
}

export interface CrossBorder {
  controller: string;
  country: string;
  hops: CrossBorderHop[];
}

/** Every hop of a controller's chain whose storage or access countries differ from its own. */
export async function crossBorder(store: StorePort, controller: string, asOf?: IsoDate): Promise<CrossBorder> {
  const chain = await supplyChain(store, controller, asOf);
  const [party] = await store.parties([controller]);
  if (!party.country) throw new BadInputError('controller', `${controller} has no country in the register, so no hop can be called foreign; add country to the party`);
  const home = party.country;
  // Links arrive level by level, so the first link of an entrustment is its shallowest.
  const shallowest = new Map<string, (typeof chain.links)[number]>();
  for (const l of chain.links) if (!shallowest.has(l.entrustment.id)) shallowest.set(l.entrustment.id, l);
  const pathTo = (e: Entrustment): Entrustment[] => {
    const path = [e];
    for (let up = shallowest.get(e.id)?.upstream; up && !path.includes(up); up = shallowest.get(up.id)?.upstream) path.unshift(up);
    return path;
  };
  const hops: CrossBorderHop[] = [];
  for (const { entrustment: e, link } of shallowest.values()) {
    const stored = [...new Set(e.storage.filter((c) => c !== home))].sort();
    const accessed = [...new Set(e.access.filter((c) => c !== home))].sort();
    if (stored.length === 0 && accessed.length === 0) continue;
    hops.push({ entrustment: e, path: pathTo(e), link, stored, accessed, missingBasis: e.transferBasis === undefined });
  }
  return { controller, country: home, hops };
}
