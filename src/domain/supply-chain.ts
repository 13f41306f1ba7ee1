import { inForce, type IsoDate } from './dates.js';
import { byId, groupBy, performsByInference, underUnknown, type LinkKind } from './links.js';
import type { Entrustment } from './model.js';
import { NotFoundError } from '../errors.js';
import { ReadOnce, type ChainReads } from './graph/read-once.js';

/** One entrustment of the chain, with the one above it that it performs (null at depth 1). */
export interface ChainLink {
  entrustment: Entrustment;
  upstream: Entrustment | null;
  link: LinkKind;
  depth: number;
}

export interface ChainMember {
  party: string;
  /** Shortest number of hops from the controller. */
  depth: number;
  /** 'declared' when some link reaching the party at its shortest depth is declared. */
  link: LinkKind;
  via: string[];
  countries: string[];
}

export interface SupplyChain {
  controller: string;
  asOf?: IsoDate;
  links: ChainLink[];
  members: ChainMember[];
}

/**
 * The walk downward from a controller: its own entrustments (in force at asOf), then every
 * entrustment that performs one of them, declared in `under` or inferred, level by level.
 * Each entrustment is walked on from once (at its shallowest depth), so cycles end; every
 * (entrustment, upstream) pair met is kept, because findings judge each pair.
 */
export async function supplyChain(
  source: ChainReads,
  controller: string,
  asOf?: IsoDate,
): Promise<SupplyChain> {
  // A hub's contractors come up at several levels: their entrustments are decoded once.
  const store = ReadOnce.over(source);
  const [party] = await store.parties([controller]);
  if (!party) throw new NotFoundError('party', controller);
  const current = (e: Entrustment) => !asOf || inForce(e, asOf);
  const links: ChainLink[] = [];
  const seen = new Set<string>();
  const enter = (
    e: Entrustment,
    upstream: Entrustment | null,
    link: LinkKind,
    depth: number,
    into: Entrustment[],
  ) => {
    links.push({ entrustment: e, upstream, link, depth });
    if (!seen.has(e.id)) {
      seen.add(e.id);
      into.push(e);
    }
  };

  let level: Entrustment[] = [];
  const own = (await store.entrustmentsFrom([controller])).filter(
    (e) => current(e) && (e.under === undefined || e.under.length === 0),
  );
  for (const e of own.sort(byId)) enter(e, null, 'declared', 1, level);

  for (let depth = 2; level.length > 0; depth++) {
    const [declared, sameClient] = await Promise.all([
      store.entrustmentsUnder(level.map((e) => e.id)),
      store.entrustmentsFrom([...new Set(level.map((e) => e.contractor))]),
    ]);
    // In id order: stores return records in any order, and links keep the order they are met in.
    declared.sort(byId);
    const undeclaredFrom = groupBy(sameClient.filter(underUnknown).sort(byId), (e) => e.client);
    const next: Entrustment[] = [];
    for (const u of level) {
      const performers = [
        ...declared.filter((e) => e.under?.includes(u.id)).map((e) => [e, 'declared'] as const),
        ...(undeclaredFrom.get(u.contractor) ?? [])
          .filter((e) => performsByInference(e, u))
          .map((e) => [e, 'inferred'] as const),
      ];
      for (const [e, link] of performers) if (current(e)) enter(e, u, link, depth, next);
    }
    level = next.sort(byId);
  }
  return { controller, asOf, links, members: membersOf(links) };
}

function membersOf(links: ChainLink[]): ChainMember[] {
  const members = new Map<string, ChainMember>();
  for (const l of links) {
    const party = l.entrustment.contractor;
    const countries = [...l.entrustment.storage, ...l.entrustment.access];
    const m = members.get(party);
    if (!m || l.depth < m.depth) {
      members.set(party, {
        party,
        depth: l.depth,
        link: l.link,
        via: [l.entrustment.id],
        countries: [...new Set([...(m?.countries ?? []), ...countries])].sort(),
      });
    } else {
      if (l.depth === m.depth && l.link === 'declared') m.link = 'declared';
      if (!m.via.includes(l.entrustment.id)) m.via.push(l.entrustment.id);
      m.countries = [...new Set([...m.countries, ...countries])].sort();
    }
  }
  return [...members.values()].sort((a, b) => a.depth - b.depth || a.party.localeCompare(b.party));
}
