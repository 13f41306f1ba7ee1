import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import { walkLink, type WalkLink } from '../../domain/exposure/walk-link.js';
import type { EntrustmentLink } from '../../domain/graph/link-graph.js';
import type { Party } from '../../domain/model.js';
import type { FamilyTie } from '../port.js';

// The rows of entrustment/upstream-round, entrustment/downstream and entrustment/scan-links, one
// column per field, into the domain's WalkLink: absent is undefined, `ownData` is `under: []`, no
// UNDER relationship is `under` undefined ("unknown"). Read by column, not through the record's
// object and a copy with nulls deleted: a scan decodes a million rows.

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

/** A row's link fields, and its evidence (confidence, disclosed, subjects) when it has them. */
function linkOfRow(row: Neo4jRecord, evidence: boolean): WalkLink {
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
    confidence: evidence
      ? ((row.get('confidence') as WalkLink['confidence'] | null) ?? 'confirmed')
      : undefined,
    disclosed: evidence ? ((row.get('disclosed') as boolean | null) ?? true) : undefined,
    subjects: evidence ? ((row.get('subjects') as string[] | null) ?? []) : undefined,
  });
}

export function walkLinksOf(rows: Neo4jRecord[]): WalkLink[] {
  return rows.map((row) => linkOfRow(row, true));
}

/** The links a scan returned (entrustment/scan-links): no evidence fields. */
export function linksOf(rows: Neo4jRecord[]): EntrustmentLink[] {
  return rows.map((row) => linkOfRow(row, false));
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
