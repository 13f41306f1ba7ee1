import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { Entrustment, Incident, Party, Source } from '../../domain/model.js';
import type { EntrustmentLink } from '../../domain/graph/link-graph.js';
import { decodeLinkLine, encodeLinkLine, linkOfJson } from '../link-line.js';
import type { PropertyKey } from './db-schema.js';

// Between domain records and node properties. A node keeps the record's JSON, so what comes back
// is exactly what was written (absent fields absent, arrays in order, `under` absent vs []).
// Dates are kept as ISO strings, as in the domain (they compare correctly as strings), so no
// driver temporal type is ever read back; Integer is, from counts.

type Node = Partial<Record<PropertyKey, string | null>>;

/** The properties of a node: the JSON and the lookup keys; null removes a key the record lacks. */
export const sourceNode = (s: Source): Node => ({ id: s.id, json: JSON.stringify(s) });

export const partyNode = (p: Party): Node => ({
  id: p.id,
  json: JSON.stringify(p),
  kind: p.kind,
  parent: p.parent ?? null,
  operator: p.operator ?? null,
});

export const incidentNode = (i: Incident): Node => ({ id: i.id, json: JSON.stringify(i), party: i.party });

/** An entrustment's node and the ids its `under` names, linked through ref nodes. */
export const entrustmentRow = (e: Entrustment): { node: Node; under: string[] } => ({
  node: {
    id: e.id,
    json: JSON.stringify(e),
    links: encodeLinkLine(e),
    client: e.client,
    contractor: e.contractor,
    from: e.from ?? null,
    to: e.to ?? null,
  },
  under: e.under ?? [],
});

/** The links a scan returned: each row's link line, or its JSON when it has none. */
export function linksOf(rows: Neo4jRecord[]): EntrustmentLink[] {
  return rows.map((row) => {
    const id = row.get('id') as string;
    const line = row.get('links') as string | null;
    return line === null ? linkOfJson(row.get('json') as string) : decodeLinkLine(id, line);
  });
}

/** The records a query returned in its `json` column. */
export function recordsOf<T>(rows: Neo4jRecord[]): T[] {
  return rows.map((row) => JSON.parse(row.get('json') as string) as T);
}

/** A count or other whole number from Neo4j, where it is an Integer. */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  throw new TypeError(`expected a number from Neo4j, got ${typeof value}`);
}

/** A page size as the Integer LIMIT needs: a JS number is sent as a float, which LIMIT refuses. */
export const toInteger = (n: number) => neo4j.int(Math.max(0, Math.trunc(n)));
