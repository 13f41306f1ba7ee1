import type { IsoDate } from './dates.js';
import type { Entrustment } from './model.js';
import { supplyChain } from './supply-chain.js';
import { BadInputError } from '../errors.js';
import type { StorePort } from '../store/port.js';

// "What entered and left our chain between these dates": the supply chain as of `from` against
// the one as of `to` (the check of a vendor's published sub-processor list against last quarter's).

export interface ChainDelta {
  parties: string[];
  entrustments: Entrustment[];
}

export interface SupplyChainChanges {
  controller: string;
  from: IsoDate;
  to: IsoDate;
  entered: ChainDelta;
  left: ChainDelta;
}

export async function supplyChainChanges(
  store: StorePort,
  controller: string,
  from: IsoDate,
  to: IsoDate,
): Promise<SupplyChainChanges> {
  if (!(from < to)) throw new BadInputError('to', `must be after from (${from}), got ${to}`);
  const [before, after] = await Promise.all([
    supplyChain(store, controller, from),
    supplyChain(store, controller, to),
  ]);
  const chain = (c: typeof before) => ({
    parties: new Set(c.members.map((m) => m.party)),
    entrustments: new Map(c.links.map((l) => [l.entrustment.id, l.entrustment])),
  });
  const a = chain(before);
  const b = chain(after);
  const delta = (x: typeof a, y: typeof a): ChainDelta => ({
    parties: [...x.parties].filter((p) => !y.parties.has(p)).sort(),
    entrustments: [...x.entrustments.values()]
      .filter((e) => !y.entrustments.has(e.id))
      .sort((p, q) => (p.id < q.id ? -1 : 1)),
  });
  return { controller, from, to, entered: delta(b, a), left: delta(a, b) };
}
