import { rememberedParties } from '../domain/graph/remembered-parties.js';
import type { MercuriusLoaders } from 'mercurius';
import type { Entrustment, Incident, Party, Source } from '../domain/model.js';
import type { StorePort } from '../store/port.js';
import type { VcContext } from './context.js';

type Query<T> = { obj: T; params: unknown };
/** What a loader takes of a request's context. */
export type LoaderContext = Pick<VcContext, 'store' | 'generation'>;
type Fetch<R> = (store: StorePort, ids: string[], ctx: LoaderContext) => Promise<R[]>;

// One batched store call per field per request level: a list of 500 entrustments asks for their
// clients once, not 500 times.
export function byIds<T, R extends { id: string }>(
  fetch: Fetch<R>,
  ids: (obj: T) => readonly string[],
) {
  return async (queries: Query<T>[], ctx: LoaderContext) => {
    const wanted = [...new Set(queries.flatMap((q) => ids(q.obj)))];
    const found = new Map((await fetch(ctx.store, wanted, ctx)).map((r) => [r.id, r]));
    return queries.map((q) =>
      ids(q.obj)
        .map((id) => found.get(id))
        .filter((r): r is R => r !== undefined),
    );
  };
}

export const one = <T, R extends { id: string }>(
  fetch: Fetch<R>,
  id: (obj: T) => string | undefined,
) => {
  const many = byIds<T, R>(fetch, (obj) => {
    const value = id(obj);
    return value ? [value] : [];
  });
  return async (queries: Query<T>[], ctx: LoaderContext) =>
    (await many(queries, ctx)).map((list) => list[0] ?? null);
};

/** Remembered per generation: the one the request read serves without reading it again. */
export const parties: Fetch<Party> = (s, ids, ctx) => rememberedParties(s, ids, ctx.generation?.());
const entrustments = (s: StorePort, ids: string[]) => s.entrustments(ids);
const sources = (s: StorePort, ids: string[]) => s.sources(ids);

function related<T>(
  fetch: (store: StorePort, ids: string[]) => Promise<Entrustment[] | Incident[]>,
  key: (r: Entrustment & Incident) => string,
  id: (obj: T) => string,
) {
  return async (queries: Query<T>[], ctx: { store: StorePort }) => {
    const rows = (await fetch(ctx.store, [
      ...new Set(queries.map((q) => id(q.obj))),
    ])) as (Entrustment & Incident)[];
    return queries.map((q) =>
      rows.filter((r) => key(r) === id(q.obj)).sort((a, b) => a.id.localeCompare(b.id)),
    );
  };
}

export const loaders = {
  Party: {
    operator: one<Party, Party>(parties, (p) => p.operator),
    parent: one<Party, Party>(parties, (p) => p.parent),
    sources: byIds<Party, Source>(sources, (p) => p.sources),
    entrustmentsOut: related<Party>(
      (s, ids) => s.entrustmentsFrom(ids),
      (e) => e.client,
      (p) => p.id,
    ),
    entrustmentsIn: related<Party>(
      (s, ids) => s.entrustmentsInto(ids),
      (e) => e.contractor,
      (p) => p.id,
    ),
    incidents: related<Party>(
      (s, ids) => s.incidentsAt(ids),
      (i) => i.party,
      (p) => p.id,
    ),
  },
  Membership: {
    party: one<{ party: string }, Party>(parties, (m) => m.party),
  },
  Entrustment: {
    client: one<Entrustment, Party>(parties, (e) => e.client),
    contractor: one<Entrustment, Party>(parties, (e) => e.contractor),
    approvedBy: byIds<Entrustment, Party>(parties, (e) => e.approvedBy),
    sources: byIds<Entrustment, Source>(sources, (e) => e.sources),
    under: async (queries: Query<Entrustment>[], ctx: LoaderContext) => {
      const found = await byIds<Entrustment, Entrustment>(entrustments, (e) => e.under ?? [])(
        queries,
        ctx,
      );
      return queries.map((q, i) => (q.obj.under === undefined ? null : found[i]));
    },
  },
  Incident: {
    party: one<Incident, Party>(parties, (i) => i.party),
    sources: byIds<Incident, Source>(sources, (i) => i.sources),
  },
  Certification: {
    sources: byIds<{ sources: string[] }, Source>(sources, (c) => c.sources),
  },
  BlastRadius: {
    leakingParty: one<{ leakingParty: string }, Party>(parties, (b) => b.leakingParty),
    incident: one<{ incident?: string }, Incident>(
      (s, ids) => s.incidents(ids),
      (b) => b.incident,
    ),
  },
  NotExposedHop: {
    party: one<{ entrustment: Entrustment }, Party>(parties, (n) => n.entrustment.client),
  },
  RedelegationFinding: {
    missingApprovals: byIds<{ missingApprovals: readonly string[] }, Party>(
      parties,
      (f) => f.missingApprovals,
    ),
  },
  SupplyChain: {
    controller: one<{ controller: string }, Party>(parties, (c) => c.controller),
    parties: byIds<{ members: { party: string }[] }, Party>(parties, (c) =>
      c.members.map((m) => m.party),
    ),
  },
  CrossBorder: {
    controller: one<{ controller: string }, Party>(parties, (c) => c.controller),
  },
  ConcentrationEntry: {
    party: one<{ party: string }, Party>(parties, (c) => c.party),
  },
  GroupExposure: {
    group: one<{ group: string }, Party>(parties, (g) => g.group),
  },
  GroupController: {
    party: one<{ party: string }, Party>(parties, (c) => c.party),
    through: byIds<{ through: string[] }, Party>(parties, (c) => c.through),
  },
  CertificationAlert: {
    party: one<{ party: string }, Party>(parties, (c) => c.party),
    sources: byIds<{ sources: string[] }, Source>(sources, (c) => c.sources),
  },
  BreachObligations: {
    incident: one<{ incident: string }, Incident>(
      (s, ids) => s.incidents(ids),
      (b) => b.incident,
    ),
  },
  NotificationPacket: {
    party: one<{ party: string }, Party>(parties, (c) => c.party),
  },
  ControllerObligations: {
    party: one<{ party: string }, Party>(parties, (c) => c.party),
  },
  ExposurePath: {
    evidence: byIds<{ hops: Entrustment[] }, Source>(sources, (p) => [
      ...new Set(p.hops.flatMap((h) => h.sources)),
    ]),
  },
  ChainMember: {
    party: one<{ party: string }, Party>(parties, (m) => m.party),
  },
  SupplyChainChanges: {
    controller: one<{ controller: string }, Party>(parties, (c) => c.controller),
  },
  ChainDelta: {
    parties: byIds<{ parties: string[] }, Party>(parties, (d) => d.parties),
  },
} as unknown as MercuriusLoaders;
