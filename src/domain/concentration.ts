import { loadAllEntrustments, rootsOfAll, SetUnions } from './chain-index.js';
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
  const roots = rootsOfAll(all);
  const byParty = new Map<string, { rootSets: Set<ReadonlySet<string>>; records: number; entrustments: number }>();
  for (const e of all) {
    let row = byParty.get(e.contractor);
    if (!row) byParty.set(e.contractor, (row = { rootSets: new Set(), records: 0, entrustments: 0 }));
    const r = roots.get(e.id);
    if (r) row.rootSets.add(r);
    row.records += e.records ?? 0;
    row.entrustments += 1;
  }
  const unions = new SetUnions();
  return [...byParty]
    .map(([party, r]) => ({ party, controllers: unions.of([...r.rootSets]).size, records: r.records, entrustments: r.entrustments }))
    .sort((a, b) => b.controllers - a.controllers || b.records - a.records || a.party.localeCompare(b.party))
    .slice(0, first);
}
