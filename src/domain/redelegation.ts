import { inForce, type IsoDate } from './dates.js';
import {
  byId,
  groupBy,
  indexById,
  performsByInference,
  underUnknown,
  type LinkKind,
} from './links.js';
import type { Entrustment } from './model.js';
import { keptUpIndex, rootControllers, type UpIndex } from './roots.js';
import { carriesGovernmentId, severityOf, type Severity } from './severity.js';
import { chainWalk, supplyChain, type WalkedLink } from './supply-chain.js';
import type { StorePort } from '../store/port.js';
import { PerGeneration } from './graph/per-generation.js';
import { ReadOnce, type ChainReads } from './graph/read-once.js';
import { Slices, sortInSlices } from './graph/slices.js';
import { mergeSorted, sortedIncludes } from './graph/sorted-ids.js';

export type RedelegationRule = 'FORBIDDEN' | 'UNAPPROVED' | 'UNDISCLOSED';

export interface Finding {
  entrustment: Entrustment;
  upstream: Entrustment;
  rule: RedelegationRule;
  severity: Severity;
  inferred: boolean;
  /**
   * Who should have approved in writing and did not (UNAPPROVED only), sorted. Findings under one
   * upstream share one list: below a hub it names thousands of root controllers.
   */
  missingApprovals: readonly string[];
  /** One sentence a person can act on. */
  explanation: string;
}

export interface FindingsQuery {
  controller?: string | null;
  asOf?: IsoDate | null;
}

interface Pair {
  entrustment: Entrustment;
  upstream: Entrustment;
  link: LinkKind;
}

// A page is read and decoded in one piece: small enough for a slice (graph/slices.ts).
const SCAN_PAGE = 1_000;
const severityRank: Record<Severity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Every re-entrustment that breaks its upstream clause; one finding per (entrustment, upstream, rule). */
export async function redelegationFindings(
  store: StorePort,
  query: FindingsQuery = {},
  how: { fromWholeRegister?: boolean } = {},
): Promise<Finding[]> {
  const asOf = query.asOf ?? undefined;
  if (query.controller && how.fromWholeRegister) {
    const controller = query.controller;
    return ofChains.get(store, `whole|${controller}|${asOf ?? ''}`, async () => {
      // A finding judges one (entrustment, upstream) pair by the pair and the upstream's root
      // controllers, whichever chain it is met in: a chain's findings are the register's findings
      // on the chain's pairs. Where the register's findings are computed anyway (the worker that
      // serves a dashboard's overview), this spares each controller's own walk up to its roots.
      // The chain by ids: the findings carry the records.
      const [walked, all] = await Promise.all([
        chainWalk(store, controller, asOf),
        redelegationFindings(store, asOf ? { asOf } : {}),
      ]);
      return findingsOnPairs(all, walked);
    });
  }
  if (query.controller) {
    const controller = query.controller;
    return ofChains.get(store, `${controller}|${asOf ?? ''}`, async () => {
      // The walk up to the root controllers meets the chain's records again: read once.
      const reads = ReadOnce.over(store);
      const chain = await supplyChain(reads, controller, asOf);
      return findingsOf(
        reads,
        chain.links.flatMap((l) =>
          l.upstream ? [{ entrustment: l.entrustment, upstream: l.upstream, link: l.link }] : [],
        ),
        asOf,
        new Slices(),
        await keptUpIndex(store),
      );
    });
  }
  return wholeRegister.get(store, asOf ?? '', async () => {
    const slices = new Slices();
    return findingsOf(store, await allPairs(store, slices), asOf, slices);
  });
}

// Over the whole register the findings take seconds to minutes on a large graph, and an auditor's
// dashboard (or a client asking in a loop) asks again: remembered until the next write, and asks
// that arrive while it is computed share the computation.
const wholeRegister = new PerGeneration<Finding[]>(4, ['entrustments']);
// A controller's chain can reach a hub and hold thousands of findings; dashboards poll a few
// controllers' tiles. Their chains read parties (the controller must exist) and entrustments.
const ofChains = new PerGeneration<Finding[]>(64, ['entrustments', 'parties']);

/**
 * The findings among `all` (sorted) on the walked pairs, in the same order. Found through each
 * entrustment's findings, not by testing every finding: the register's findings run to millions at
 * national scale, and a controller's tile asks again after every write.
 */
function findingsOnPairs(all: readonly Finding[], walked: readonly WalkedLink[]): Finding[] {
  const upstreamsOf = new Map<string, Set<string>>();
  for (const { id, upstream } of walked) {
    if (upstream === null) continue;
    let ups = upstreamsOf.get(id);
    if (ups === undefined) upstreamsOf.set(id, (ups = new Set()));
    ups.add(upstream);
  }
  const at = positionsByEntrustment(all);
  const positions: number[] = [];
  for (const [id, ups] of upstreamsOf)
    for (const i of at.get(id) ?? []) if (ups.has(all[i]!.upstream.id)) positions.push(i);
  return positions.sort((a, b) => a - b).map((i) => all[i]!);
}

// Per list of the register's findings (kept per generation above), where each entrustment's are.
const positionsOf = new WeakMap<readonly Finding[], Map<string, number[]>>();

function positionsByEntrustment(all: readonly Finding[]): Map<string, number[]> {
  let at = positionsOf.get(all);
  if (at === undefined) {
    at = new Map();
    all.forEach((f, i) => {
      const list = at!.get(f.entrustment.id);
      if (list === undefined) at!.set(f.entrustment.id, [i]);
      else list.push(i);
    });
    positionsOf.set(all, at);
  }
  return at;
}

// In slices (graph/slices.ts): over the whole register this is seconds to minutes of CPU, and
// the service keeps answering other requests between slices.
async function findingsOf(
  store: ChainReads,
  all: Pair[],
  asOf: string | undefined,
  slices: Slices,
  index?: UpIndex,
): Promise<Finding[]> {
  let pairs = all;
  if (asOf) pairs = pairs.filter((p) => inForce(p.entrustment, asOf) && inForce(p.upstream, asOf));

  const governmentIdPairs = pairs.filter((p) => carriesGovernmentId(p.entrustment.data));
  const roots = await rootControllers(
    store,
    [...indexById(governmentIdPairs.map((p) => p.upstream)).values()],
    slices,
    index,
  );
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    if (slices.due()) await slices.turn();
    for (const f of judge(p, roots.get(p.upstream.id) ?? [])) {
      const key = `${f.entrustment.id}|${f.upstream.id}|${f.rule}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }
  return sortInSlices(
    findings,
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      byId(a.entrustment, b.entrustment) ||
      byId(a.upstream, b.upstream) ||
      a.rule.localeCompare(b.rule),
    slices,
  );
}

/** The rules of register-format.md for one (E, U) pair. */
function judge({ entrustment: e, upstream: u, link }: Pair, roots: readonly string[]): Finding[] {
  const base = {
    entrustment: e,
    upstream: u,
    severity: severityOf(e.data),
    inferred: link === 'inferred',
  };
  const how =
    link === 'inferred'
      ? ` (inferred: ${e.id} does not say what it performs; its period and data overlap ${u.id})`
      : '';
  const out: Finding[] = [];
  if (u.reentrustment === 'forbidden') {
    out.push({
      ...base,
      rule: 'FORBIDDEN',
      missingApprovals: [],
      explanation: `${u.id} forbids re-entrustment, yet ${e.client} re-entrusted it to ${e.contractor}${how}`,
    });
  }
  const list = missingApprovals(e, u, roots);
  if (list.length > 0) {
    out.push({
      ...base,
      rule: 'UNAPPROVED',
      missingApprovals: list,
      explanation: `${e.id} lacks the written approval of ${someOf(list)}${carriesGovernmentId(e.data) ? ' (national-id data: the original controller must approve every level)' : ''}${how}`,
    });
  }
  if (!e.disclosed) {
    out.push({
      ...base,
      rule: 'UNDISCLOSED',
      missingApprovals: [],
      explanation: `${e.contractor} was not disclosed to the controller(s) upstream of ${u.id}${how}`,
    });
  }
  return out;
}

/**
 * Who should have approved E in writing and did not, sorted: U's client where U requires
 * approval, and every root controller of U where E carries national-id data. `roots` is sorted
 * (rootControllers), and upstream of a hub it runs to thousands, met by a million findings at
 * national scale: the list is `roots` itself, or one list per (roots, client), wherever E's
 * approvals take nothing from it (almost always), never a copy per finding.
 */
function missingApprovals(
  e: Entrustment,
  u: Entrustment,
  roots: readonly string[],
): readonly string[] {
  const list = carriesGovernmentId(e.data) ? unapproved(roots, e.approvedBy) : [];
  const client = u.client;
  if (
    u.reentrustment !== 'approval-required' ||
    e.approvedBy.includes(client) ||
    sortedIncludes(list, client)
  )
    return list;
  return list === roots ? withClientOf(roots, client) : mergeSorted(list, [client]);
}

/** `roots` without those in `approvedBy`: `roots` itself when it holds none of them. */
function unapproved(roots: readonly string[], approvedBy: readonly string[]): readonly string[] {
  if (!approvedBy.some((a) => sortedIncludes(roots, a))) return roots;
  return roots.filter((r) => !approvedBy.includes(r));
}

// Per roots list, the list with a client inserted: shared by the findings below one upstream.
const withClient = new WeakMap<readonly string[], Map<string, readonly string[]>>();

function withClientOf(roots: readonly string[], client: string): readonly string[] {
  let byClient = withClient.get(roots);
  if (byClient === undefined) withClient.set(roots, (byClient = new Map()));
  let list = byClient.get(client);
  if (list === undefined) byClient.set(client, (list = mergeSorted(roots, [client])));
  return list;
}

/** Names an explanation lists; missingApprovals holds them all. */
const NAMED_IN_EXPLANATION = 10;

/** A sentence names a few approvers: below a hub, a list of thousands is no sentence. */
function someOf(list: readonly string[]): string {
  if (list.length <= NAMED_IN_EXPLANATION) return list.join(', ');
  const more = list.length - NAMED_IN_EXPLANATION;
  return `${list.slice(0, NAMED_IN_EXPLANATION).join(', ')} and ${more.toLocaleString('en')} more (missingApprovals lists them all)`;
}

/**
 * Every (E, U) pair in the graph. Each entrustment is read once, in pages, and the pairs are
 * found in memory: asking the store, page by page, for what goes into each page's clients read a
 * hub's entrustments again for every page (on Neo4j, the whole graph several times over).
 */
async function allPairs(store: StorePort, slices: Slices): Promise<Pair[]> {
  const all: Entrustment[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.scanEntrustments(after, SCAN_PAGE);
    for (const e of page) all.push(e);
    if (page.length < SCAN_PAGE) break;
    after = page[page.length - 1]!.id;
    await slices.pause();
  }
  const byIds = indexById(all);
  const intoParty = groupBy(all, (u) => u.contractor);
  const pairs: Pair[] = [];
  for (const e of all) {
    if (slices.due()) await slices.turn();
    for (const id of e.under ?? []) {
      const u = byIds.get(id);
      if (u) pairs.push({ entrustment: e, upstream: u, link: 'declared' });
    }
    if (underUnknown(e))
      for (const u of intoParty.get(e.client) ?? [])
        if (performsByInference(e, u))
          pairs.push({ entrustment: e, upstream: u, link: 'inferred' });
  }
  return pairs;
}
