import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { Entrustment, Incident, Party, Source } from '../../domain/model.js';
import type { EntrustmentLink } from '../../domain/graph/link-graph.js';
import { linkOf } from '../../domain/graph/link-graph.js';

// Between domain records and the graph (cypher/README.md draws it). Entrustments and sources are
// flat, so their nodes hold every field as a property and are read back from those: Neo4j stores
// no nulls, so an absent field stays absent, and lists keep their order. An empty list is not
// stored either, since neo4j-admin's bulk import cannot write one (neo4j/neo4j#13566) and both
// ways in must give the same graph: it reads back as []. `under: []` (the client's own data, not
// "unknown") is therefore kept as `ownData: true`. Parties and incidents hold nested lists of
// objects (memberships, certifications, revisions), which properties cannot: their nodes keep the searchable fields as properties and
// the whole record in `json`. Relationships carry the links; the id properties an entrustment
// keeps (client, contractor, under) are what the relationships were drawn from.

type Value = string | number | boolean | string[] | null;
type Props = Record<string, Value>;

/**
 * The node's properties; a field the record lacks, or an empty list, is sent as null, which
 * SET n = row drops. A plain loop: a bulk load maps a million records, and entries/fromEntries
 * took most of its time.
 */
function present(props: Readonly<Record<string, Value | undefined>>): Props {
  const node: Props = {};
  for (const key in props) {
    const value = props[key];
    node[key] = value === undefined || (Array.isArray(value) && value.length === 0) ? null : value!;
  }
  return node;
}

export const sourceNode = (s: Source): Props => present(s);

export const entrustmentNode = (e: Entrustment): Props => {
  const node = present(e);
  node.ownData = e.under?.length === 0 ? true : null;
  return node;
};

/** The entrustment fields that are lists: absent on the node when empty. `under` is not one: absent there is "unknown". */
const ENTRUSTMENT_LISTS = [
  'purposes',
  'data',
  'subjects',
  'approvedBy',
  'storage',
  'access',
  'sources',
] as const;

/**
 * A party's node: its flat fields, its contact as contactEmail / contactPhone / contactUrl (a
 * property cannot hold a map, and Cypher users look these up), and the whole record as `json`.
 */
export const partyNode = (p: Party): Props => {
  const { memberOf: _memberOf, certifications: _certifications, contact, ...flat } = p;
  return present({
    ...flat,
    contactEmail: contact?.email,
    contactPhone: contact?.phone,
    contactUrl: contact?.url,
    json: JSON.stringify(p),
  });
};

/** A party's consortium memberships, which party/link draws with their roles, and the sources its certifications cite. */
export const partyMemberships = (p: Party) => ({
  id: p.id,
  memberOf: p.memberOf.map((m) => ({ party: m.party, role: m.role ?? null })),
  certificationSources: [...new Set(p.certifications.flatMap((c) => c.sources))],
});

/** An incident's node: its flat fields, and the whole record (with its revisions) as `json`. */
export const incidentNode = (i: Incident): Props => {
  const { revisions: _revisions, ...flat } = i;
  return present({ ...flat, json: JSON.stringify(i) });
};

/** Numbers come back as Integer when Cypher made them, as floats when the driver sent them. */
const plain = (value: unknown): unknown => (neo4j.isInt(value) ? value.toNumber() : value);

/** A record from the `props` map a query returned (e {.*}), without null or unknown keys. */
function fromProps<T>(props: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props))
    if (value !== null && value !== undefined) record[key] = plain(value);
  return record as T;
}

/** The sources a query returned in its `props` column. */
export function sourcesOf(rows: Neo4jRecord[]): Source[] {
  return rows.map((row) => fromProps<Source>(row.get('props') as Record<string, unknown>));
}

/** The entrustments a query returned in its `props` column, with their empty lists and `under: []` restored. */
export function entrustmentsOf(rows: Neo4jRecord[]): Entrustment[] {
  return rows.map((row) => {
    const { ownData, ...fields } = fromProps<Entrustment & { ownData?: true }>(
      row.get('props') as Record<string, unknown>,
    );
    const record = fields as Entrustment;
    for (const list of ENTRUSTMENT_LISTS) record[list] ??= [];
    if (ownData) record.under = [];
    return record;
  });
}

/** The records a query returned in its `json` column (parties, incidents). */
export function recordsOf<T>(rows: Neo4jRecord[]): T[] {
  return rows.map((row) => JSON.parse(row.get('json') as string) as T);
}

/** The links a scan returned, one column per field. */
export function linksOf(rows: Neo4jRecord[]): EntrustmentLink[] {
  return rows.map((row) => linkOf(fromProps<EntrustmentLink>(row.toObject())));
}

/** A count or other whole number from Neo4j, where it is an Integer. */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  throw new TypeError(`expected a number from Neo4j, got ${typeof value}`);
}

/** A page size as the Integer LIMIT needs: a JS number is sent as a float, which LIMIT refuses. */
export const toInteger = (n: number) => neo4j.int(Math.max(0, Math.trunc(n)));
