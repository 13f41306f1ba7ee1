import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import { walkLink, type WalkLink } from '../../domain/exposure/walk-link.js';
import type { Party } from '../../domain/model.js';
import type { FamilyTie } from '../port.js';

// The rows of entrustment/upstream-round and entrustment/downstream, one column per field, into
// the domain's WalkLink: absent is undefined, `ownData` is `under: []`, no UNDER relationship is
// `under` undefined ("unknown").

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

export function walkLinksOf(rows: Neo4jRecord[]): WalkLink[] {
  return rows.map((row) => {
    const under = row.get('under') as string[];
    const records = row.get('records') as unknown;
    return walkLink({
      id: row.get('id') as string,
      client: row.get('client') as string,
      contractor: row.get('contractor') as string,
      data: (row.get('data') as string[] | null) ?? [],
      under: row.get('ownData') === true ? [] : under.length > 0 ? under : undefined,
      from: text(row.get('from')),
      to: text(row.get('to')),
      records:
        records === null || records === undefined
          ? undefined
          : neo4j.isInt(records)
            ? records.toNumber()
            : Number(records),
      confidence: (row.get('confidence') as WalkLink['confidence'] | null) ?? 'confirmed',
      disclosed: (row.get('disclosed') as boolean | null) ?? true,
      subjects: (row.get('subjects') as string[] | null) ?? [],
    });
  });
}

/** The rows of party/family into FamilyTies: a link the graph lacks stays absent. */
export function familyTiesOf(rows: Neo4jRecord[]): FamilyTie[] {
  return rows.map((row) => {
    const tie: FamilyTie = { id: row.get('id') as string, kind: row.get('kind') as Party['kind'] };
    const parent = text(row.get('parent'));
    const operator = text(row.get('operator'));
    if (parent !== undefined) tie.parent = parent;
    if (operator !== undefined) tie.operator = operator;
    return tie;
  });
}
