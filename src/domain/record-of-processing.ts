import type { IsoDate } from './dates.js';
import type { LinkKind } from './links.js';
import type { Entrustment, Party } from './model.js';
import { supplyChain } from './supply-chain.js';
import type { StorePort } from '../store/port.js';

// The GDPR Art. 30 record of processing (and the 委託先一覧 a Japanese office keeps), as far as the
// register knows it: one row per entrustment that holds the controller's data, down the chain.
// The renderers (src/filings/) add the columns only the officer can fill (retention, security).

export interface ProcessingRecordRow {
  entrustment: Entrustment;
  /** The party holding the data: the entrustment's contractor. */
  processor: Party;
  /** Who it holds the data for: the controller (a processor) or another contractor (a sub-processor). */
  client: Party;
  role: 'processor' | 'sub-processor';
  /** Hops from the controller, 1 for its own processors. */
  depth: number;
  /** 'inferred' when no `under` states that this entrustment performs the controller's: a possible holder. */
  link: LinkKind;
  /** The processor's country, or its operator's for a service. */
  country: string | null;
  /** True when data is stored or accessed outside the controller's country; null when neither is recorded. */
  thirdCountry: boolean | null;
}

export interface RecordOfProcessing {
  controller: Party;
  asOf?: IsoDate;
  rows: ProcessingRecordRow[];
}

export async function recordOfProcessing(
  store: StorePort,
  controllerId: string,
  asOf?: IsoDate,
): Promise<RecordOfProcessing> {
  const chain = await supplyChain(store, controllerId, asOf);
  // An entrustment met on several paths is one row: at its shallowest depth, declared if any link is.
  const first = new Map<string, { e: Entrustment; depth: number; link: LinkKind }>();
  for (const l of chain.links) {
    const seen = first.get(l.entrustment.id);
    if (!seen) first.set(l.entrustment.id, { e: l.entrustment, depth: l.depth, link: l.link });
    else if (l.link === 'declared') seen.link = 'declared';
  }
  const partyIds = new Set([controllerId]);
  for (const { e } of first.values()) partyIds.add(e.client).add(e.contractor);
  const parties = new Map((await store.parties([...partyIds])).map((p) => [p.id, p]));
  const operators = new Map(
    (
      await store.parties(
        [...parties.values()].flatMap((p) =>
          p.operator && !parties.has(p.operator) ? [p.operator] : [],
        ),
      )
    ).map((p) => [p.id, p]),
  );
  const controller = parties.get(controllerId)!;
  const countryOf = (p: Party) =>
    p.country ??
    (p.operator ? (parties.get(p.operator) ?? operators.get(p.operator))?.country : undefined) ??
    null;
  const rows = [...first.values()]
    .map(({ e, depth, link }): ProcessingRecordRow => {
      const places = [...e.storage, ...e.access];
      return {
        entrustment: e,
        processor: parties.get(e.contractor)!,
        client: parties.get(e.client)!,
        role: depth === 1 ? 'processor' : 'sub-processor',
        depth,
        link,
        country: countryOf(parties.get(e.contractor)!),
        thirdCountry: places.length === 0 ? null : places.some((c) => c !== controller.country),
      };
    })
    .sort((a, b) => a.depth - b.depth || a.entrustment.id.localeCompare(b.entrustment.id));
  return { controller, ...(asOf === undefined ? {} : { asOf }), rows };
}
