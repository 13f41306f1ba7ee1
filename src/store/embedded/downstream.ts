import { inForce, type IsoDate } from '../../domain/dates.js';
import type { DownstreamSource, WalkLink } from '../../domain/exposure/walk-link.js';
import { byId } from '../../domain/links.js';
import type { FamilyTie } from '../port.js';
import { decodeEntrustmentLinkBytes } from './entrustment-codec.js';
import { RELATIONS, rangeOf, type Relation } from './keys.js';
import { readMany } from './reads.js';
import type { Tables } from './tables.js';

// The embedded answers of StorePort.downstreamLinks and corporateFamily, from the indexes in one
// synchronous read (one snapshot): each party is expanded once, however many paths lead to it.

const related = (tables: Tables, relation: Relation, target: string): string[] => {
  const ids: string[] = [];
  for (const [, keyTarget, id] of tables.index.getKeys(rangeOf(relation, target)))
    if (keyTarget === target) ids.push(id as string);
  return ids;
};

/**
 * Every entrustment made by these parties and, transitively, by their contractors (only those in
 * force on `asOf`, when given): link lines only.
 */
export function readDownstream(
  tables: Tables,
  partyIds: readonly string[],
  asOf?: IsoDate,
): WalkLink[] {
  const made = downstreamReader(tables);
  const expanded = new Set<string>();
  const queue = [...partyIds];
  const links: WalkLink[] = [];
  for (let k = 0; k < queue.length; k++) {
    const party = queue[k]!;
    if (expanded.has(party)) continue;
    expanded.add(party);
    for (const link of made.from(party)) {
      if (asOf !== undefined && !inForce(link, asOf)) continue;
      links.push(link);
      queue.push(link.contractor);
    }
  }
  return links;
}

/** StorePort.downstreamReader: what each party makes, read when the walk reaches it, each once. */
export function downstreamReader(tables: Tables): DownstreamSource {
  const made = new Map<string, WalkLink[]>();
  return {
    from(party) {
      let list = made.get(party);
      if (list === undefined) {
        list = [];
        for (const id of related(tables, RELATIONS.from, party)) {
          const bytes = tables.entrustments.db.getBinaryFast(id);
          if (bytes !== undefined) list.push(decodeEntrustmentLinkBytes(id, bytes));
        }
        list.sort(byId);
        made.set(party, list);
      }
      return list;
    },
  };
}

/** Every party joined to these through parent and operator links, either way. */
export function readFamily(tables: Tables, partyIds: readonly string[]): FamilyTie[] {
  const found = new Set<string>();
  const queue = [...partyIds];
  const ties: FamilyTie[] = [];
  for (let k = 0; k < queue.length; k++) {
    const id = queue[k]!;
    if (found.has(id)) continue;
    found.add(id);
    const [party] = readMany(tables.parties, [id]);
    if (!party) continue;
    const tie: FamilyTie = { id, kind: party.kind };
    if (party.parent !== undefined) queue.push((tie.parent = party.parent));
    if (party.operator !== undefined) queue.push((tie.operator = party.operator));
    ties.push(tie);
    queue.push(
      ...related(tables, RELATIONS.parent, id),
      ...related(tables, RELATIONS.operator, id),
    );
  }
  return ties;
}
