import { inForce, today, type IsoDate } from './dates.js';
import { supplyChain } from './supply-chain.js';
import type { StorePort } from '../store/port.js';

export interface CertificationAlert {
  party: string;
  depth: number;
  scheme: string;
  status: 'suspended' | 'revoked';
  since?: IsoDate;
  until?: IsoDate;
  note?: string;
  sources: string[];
}

/** Members of a controller's chain whose Privacy Mark, ISMS … is suspended or revoked on a date. */
export async function certificationAlerts(store: StorePort, controller: string, asOf: IsoDate = today()): Promise<CertificationAlert[]> {
  const chain = await supplyChain(store, controller, asOf);
  const depth = new Map(chain.members.map((m) => [m.party, m.depth]));
  const parties = await store.parties([...depth.keys()]);
  return parties
    .flatMap((p) =>
      p.certifications
        .filter((c) => c.status !== 'active' && inForce(c, asOf))
        .map((c) => ({ party: p.id, depth: depth.get(p.id)!, scheme: c.scheme, status: c.status as 'suspended' | 'revoked', since: c.from, until: c.to, note: c.note, sources: c.sources })),
    )
    .sort((a, b) => a.depth - b.depth || a.party.localeCompare(b.party) || a.scheme.localeCompare(b.scheme));
}
