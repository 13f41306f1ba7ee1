import { loadAllEntrustments, orInto, popcount, rootsOfAll, type Bitset } from './chain-index.js';
import type { IsoDate } from './dates.js';
import type { StorePort } from '../store/port.js';

export interface ConcentrationRow {
  party: string;
  /** Controllers whose data a leak at this party would reach. */
  controllers: number;
  /** Records entrusted into the party (known counts only). */
  records: number;
  /** Entrustments into the party. */
  entrustments: number;
}

/**
 * Parties ranked by how many controllers a leak at them would reach (then by records): the
 * MakeShops of the graph. One pass over the graph: root controllers are computed once for every
 * entrustment and shared, instead of one blast radius per party.
 */
export async function concentration(store: StorePort, asOf?: IsoDate, first = 20): Promise<ConcentrationRow[]> {
  const all = await loadAllEntrustments(store, asOf);
  const { roots } = rootsOfAll(all);
  const byParty = new Map<string, { rootSets: Set<Bitset>; records: number; entrustments: number }>();
  for (let i = 0; i < all.length; i++) {
    const e = all[i]!;
    let row = byParty.get(e.contractor);
    if (!row) byParty.set(e.contractor, (row = { rootSets: new Set(), records: 0, entrustments: 0 }));
    row.rootSets.add(roots[i]!);
    row.records += e.records ?? 0;
    row.entrustments += 1;
  }
  const counted = new Map<Bitset, number>();
  const countOf = (set: Bitset) => counted.get(set) ?? counted.set(set, popcount(set)).get(set)!;
  const width = roots[0]?.length ?? 0;
  const scratch: Bitset = new Uint32Array(width);
  const rows: ConcentrationRow[] = [];
  for (const [party, r] of byParty) {
    let controllers: number;
    if (r.rootSets.size === 1) controllers = countOf([...r.rootSets][0]!);
    else {
      scratch.fill(0);
      for (const s of r.rootSets) orInto(scratch, s);
      controllers = popcount(scratch);
    }
    rows.push({ party, controllers, records: r.records, entrustments: r.entrustments });
  }
  return rows.sort((a, b) => b.controllers - a.controllers || b.records - a.records || a.party.localeCompare(b.party)).slice(0, first);
}
