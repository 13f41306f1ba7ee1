import type { IsoDate } from './dates.js';
import type { ControllerSet } from './graph/controller-sets.js';
import { loadLinkGraph } from './graph/load.js';
import { PerGeneration } from './graph/per-generation.js';
import { rootControllersOf } from './graph/root-controllers.js';
import { Slices, sortInSlices } from './graph/slices.js';
import { upLinksOf } from './graph/up-links.js';
import type { StorePort } from '../store/port.js';

export interface ConcentrationRow {
  party: string;
  /** Controllers whose data a leak at this party would reach. */
  controllers: number;
  /** Records entrusted into the party: the sum of the counts the register records. */
  records: number;
  /** Entrustments into the party whose record count is not recorded: unknown, never summed as 0. */
  recordsUnknown: number;
  /** Entrustments into the party. */
  entrustments: number;
}

/**
 * Parties ranked by how many controllers a leak at them would reach (then by records): the
 * MakeShops of the graph. One pass over the whole graph: the root controllers of every
 * entrustment are computed once and shared (graph/root-controllers.ts), and a party reaches the
 * union of those of the entrustments into it; not one blast radius per party.
 */
export async function concentration(
  store: StorePort,
  asOf?: IsoDate,
  first = 20,
): Promise<ConcentrationRow[]> {
  const ranked = await rankings.get(store, asOf ?? '', () => rankAll(store, asOf));
  return ranked.slice(0, first);
}

/** The rows of the given parties (those into which nothing is entrusted have none), from the same ranking. */
export async function concentrationOf(
  store: StorePort,
  asOf: IsoDate | undefined,
  parties: readonly string[],
): Promise<ConcentrationRow[]> {
  const ranked = await rankings.get(store, asOf ?? '', () => rankAll(store, asOf));
  const wanted = new Set(parties);
  return ranked.filter((row) => wanted.has(row.party));
}

// Seconds of work on a large graph, and dashboards ask again and again, mostly for today.
const rankings = new PerGeneration<ConcentrationRow[]>(4);

// In slices (graph/slices.ts): on a large graph the ranking takes seconds of CPU, and the
// service keeps answering other requests between slices.
async function rankAll(store: StorePort, asOf?: IsoDate): Promise<ConcentrationRow[]> {
  const g = await loadLinkGraph(store, asOf);
  const slices = new Slices();
  const roots = await rootControllersOf(g, await upLinksOf(g, slices), slices);
  const rows: ConcentrationRow[] = [];
  const parts: ControllerSet[] = [];
  for (let party = 0; party < g.parties.length; party++) {
    const from = g.intoStart[party]!;
    const to = g.intoStart[party + 1]!;
    if (from === to) continue;
    if (slices.due()) await slices.turn();
    parts.length = 0;
    let records = 0;
    let recordsUnknown = 0;
    for (let k = from; k < to; k++) {
      const i = g.intoList[k]!;
      parts.push(roots.of(i));
      const count = g.records[i]!;
      if (Number.isNaN(count)) recordsUnknown++;
      else records += count;
    }
    // Frozen: the ranking is remembered and handed to every asker.
    rows.push(
      Object.freeze({
        party: g.parties[party]!,
        controllers: roots.sets.union(parts).size,
        records,
        recordsUnknown,
        entrustments: to - from,
      }),
    );
  }
  return sortInSlices(
    rows,
    (a, b) =>
      b.controllers - a.controllers || b.records - a.records || (a.party < b.party ? -1 : 1),
    slices,
  );
}
