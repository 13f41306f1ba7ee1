import { inForce, type IsoDate } from './dates.js';
import type { DownstreamSource, WalkLink } from './exposure/walk-link.js';
import {
  byId,
  groupBy,
  indexById,
  performsByInference,
  underUnknown,
  type LinkKind,
} from './links.js';
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
 * The chain below a controller: every entrustment that performs its own, at any depth.
 * @param readParties where the asker will show the chain's members' parties, how to read them:
 * given their ids, beside the records, not after them (on Neo4j, a round trip in turn, and at a
 * hub 27k parties). What it reads is the asker's to keep; the answer names ids.
 */
export async function supplyChain(
  source: ChainReads,
  controller: string,
  asOf?: IsoDate,
  readParties?: (ids: readonly string[]) => Promise<unknown>,
): Promise<SupplyChain> {
  const store = ReadOnce.over(source);
  // The walk, then the records of the entrustments it met (read once each).
  const walked = await chainWalk(store, controller, asOf);
  const [read] = await Promise.all([
    store.entrustments([...new Set(walked.map((l) => l.id))]),
    readParties?.([...new Set(walked.map((l) => l.contractor))]),
  ]);
  const records = indexById(read);
  const links: ChainLink[] = [];
  for (const { id, upstream, link, depth } of walked) {
    const entrustment = records.get(id);
    const above = upstream === null ? null : records.get(upstream);
    // A record deleted between the two reads leaves the chain, as if read a moment later.
    if (entrustment && above !== undefined)
      links.push({ entrustment, upstream: above, link, depth });
  }
  const hops = links.map((l) => ({
    party: l.entrustment.contractor,
    id: l.entrustment.id,
    depth: l.depth,
    link: l.link,
    countries: [...l.entrustment.storage, ...l.entrustment.access],
  }));
  return { controller, asOf, links, members: membersOf(hops) };
}

/** A chain's member as its walk names it, without what only the entrustments' records tell. */
export type WalkedMember = Omit<ChainMember, 'countries'>;

/**
 * The chain's members without the entrustments' records: who holds the controller's data, at
 * which depth, how linked and through which entrustments (ids). What an asker needs who shows
 * neither the records nor the countries: a leaf's chain at national scale held 41k entrustments,
 * and reading their records was the larger half of its time on Neo4j.
 * @param readParties as supplyChain takes it.
 */
export async function supplyChainMembers(
  source: ChainReads,
  controller: string,
  asOf?: IsoDate,
  readParties?: (ids: readonly string[]) => Promise<unknown>,
): Promise<{ controller: string; asOf?: IsoDate; members: WalkedMember[] }> {
  const walked = await chainWalk(source, controller, asOf);
  await readParties?.([...new Set(walked.map((l) => l.contractor))]);
  const hops = walked.map((l) => ({ ...l, party: l.contractor, countries: [] }));
  return {
    controller,
    asOf,
    members: membersOf(hops).map(({ countries: _, ...member }) => member),
  };
}

/** A link of the chain by ids: the entrustment and the one above it that it performs. */
export interface WalkedLink {
  id: string;
  /** The entrustment's contractor: the chain's member it makes. */
  contractor: string;
  upstream: string | null;
  link: LinkKind;
  depth: number;
}

/**
 * The chain's links by ids only, without the entrustments' records: what a question about the
 * chain's pairs needs (a hub's chain holds 40k entrustments at national scale, and reading their
 * records was a third of a hub controller's findings on Neo4j).
 */
export async function chainWalk(
  source: ChainReads,
  controller: string,
  asOf?: IsoDate,
): Promise<WalkedLink[]> {
  const store = ReadOnce.over(source);
  // A store read locally is read as the walk goes: only the parties it reaches. Another is read
  // once whatever the depth: the sub-graph below the controller as compact rows (the store
  // selects), walked here.
  const local = store.downstream();
  const [[party], made] = await Promise.all([
    store.parties([controller]),
    local ?? store.downstreamLinks([controller], asOf).then(madeBy),
  ]);
  if (!party) throw new NotFoundError('party', controller);
  return walkDown(made, controller, asOf);
}

/** What each party makes, from rows that hold every party a walk down can reach. */
function madeBy(rows: readonly WalkLink[]): DownstreamSource {
  const from = groupBy([...rows].sort(byId), (e) => e.client);
  return { from: (party) => from.get(party) ?? [] };
}

/**
 * The walk downward over what each party makes, level by level: the controller's own
 * entrustments (in force at asOf), then every entrustment that performs one of them, declared in
 * `under` or inferred. Each entrustment is walked on from once (at its shallowest depth), so
 * cycles end; every (entrustment, upstream) pair met is kept, because findings judge each pair.
 */
function walkDown(made: DownstreamSource, controller: string, asOf?: IsoDate): WalkedLink[] {
  const current = (e: WalkLink) => !asOf || inForce(e, asOf);
  const links: WalkedLink[] = [];
  const seen = new Set<string>();
  const enter = (
    e: WalkLink,
    upstream: WalkLink | null,
    link: LinkKind,
    depth: number,
    into: WalkLink[],
  ) => {
    links.push({ id: e.id, contractor: e.contractor, upstream: upstream?.id ?? null, link, depth });
    if (!seen.has(e.id)) {
      seen.add(e.id);
      into.push(e);
    }
  };

  let level: WalkLink[] = [];
  const own = made
    .from(controller)
    .filter((e) => current(e) && (e.under === undefined || e.under.length === 0));
  for (const e of own) enter(e, null, 'declared', 1, level);
  for (let depth = 2; level.length > 0; depth++) {
    const next: WalkLink[] = [];
    for (const u of level) {
      // A declared `under` names an entrustment into its client (the register checks it): every
      // performer of u is made by u's contractor.
      const candidates = made.from(u.contractor);
      const performers = [
        ...candidates.filter((e) => e.under?.includes(u.id)).map((e) => [e, 'declared'] as const),
        ...candidates
          .filter((e) => underUnknown(e) && performsByInference(e, u))
          .map((e) => [e, 'inferred'] as const),
      ];
      for (const [e, link] of performers) if (current(e)) enter(e, u, link, depth, next);
    }
    level = next.sort(byId);
  }
  return links;
}

/** A link of the chain as its members are made of it: the entrustment's contractor and id. */
interface MemberHop {
  party: string;
  id: string;
  depth: number;
  link: LinkKind;
  countries: readonly string[];
}

function membersOf(hops: readonly MemberHop[]): ChainMember[] {
  const members = new Map<string, ChainMember>();
  for (const l of hops) {
    const m = members.get(l.party);
    if (!m || l.depth < m.depth) {
      members.set(l.party, {
        party: l.party,
        depth: l.depth,
        link: l.link,
        via: [l.id],
        countries: [...new Set([...(m?.countries ?? []), ...l.countries])].sort(),
      });
    } else {
      if (l.depth === m.depth && l.link === 'declared') m.link = 'declared';
      if (!m.via.includes(l.id)) m.via.push(l.id);
      m.countries = [...new Set([...m.countries, ...l.countries])].sort();
    }
  }
  return [...members.values()].sort((a, b) => a.depth - b.depth || a.party.localeCompare(b.party));
}
