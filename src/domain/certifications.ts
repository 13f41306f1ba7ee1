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

/**
 * Members of a controller's chain whose Privacy Mark, ISMS … is suspended or revoked on a date;
 * the controller's own mark comes first, at depth 0 (an auditor asks about it too).
 */
export async function certificationAlerts(
  store: StorePort,
  controller: string,
  asOf: IsoDate = today(),
): Promise<CertificationAlert[]> {
  const chain = await supplyChain(store, controller, asOf);
  const depth = new Map([
    [controller, 0],
    ...chain.members.map((m): [string, number] => [m.party, m.depth]),
  ]);
  const parties = await store.parties([...depth.keys()]);
  return parties
    .flatMap((p) =>
      p.certifications
        .filter((c) => c.status !== 'active' && inForce(c, asOf))
        .map((c) => ({
          party: p.id,
          depth: depth.get(p.id)!,
          scheme: c.scheme,
          status: c.status as 'suspended' | 'revoked',
          since: c.from,
          until: c.to,
          note: c.note,
          sources: c.sources,
        })),
    )
    .sort(
      (a, b) =>
        a.depth - b.depth || a.party.localeCompare(b.party) || a.scheme.localeCompare(b.scheme),
    );
}
