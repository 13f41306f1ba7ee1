import neo4j, { type Date as Neo4jDate, type Integer } from 'neo4j-driver';
import type { Entrustment, Incident, Party, Source } from '../../domain/model.js';

// From domain records to what the write queries take (cypher/README.md draws the graph). A row
// holds the node's own properties in `props` (dates as DATE, counts as INTEGER) and, beside them,
// the ids its relationships are drawn to: no id a relationship stands for is stored as a property.
// Neo4j stores no nulls, so an absent field stays absent; an empty list is not stored either,
// since neo4j-admin's bulk import cannot write one (neo4j/neo4j#13566) and both ways in must give
// the same graph. `under: []` (the client's own data, not "unknown") is therefore `ownData: true`.
// ./records.ts reads the graph back into records.

export type Value = string | number | boolean | string[] | Neo4jDate<number> | Integer | null;
export type Props = Record<string, Value>;

/** A register date (YYYY-MM-DD, already validated) as a Neo4j DATE. */
export function toDate(iso: string): Neo4jDate<number> {
  return new neo4j.types.Date(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)),
    Number(iso.slice(8, 10)),
  );
}

const dateOrNull = (iso: string | undefined) => (iso === undefined ? null : toDate(iso));
const countOrNull = (n: number | undefined) => (n === undefined ? null : neo4j.int(n));

/** What a property can hold: a scalar, a DATE, an INTEGER or a list of strings. */
function storable(value: unknown): boolean {
  if (typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol';
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return neo4j.isDate(value) || neo4j.isInt(value);
}

/**
 * The properties; a field the record lacks, or an empty list, is sent as null, which SET n = row
 * drops. A value no property can hold is refused here, before anything is sent. A plain loop: a
 * bulk load maps a million records, and entries/fromEntries took most of its time.
 */
function present(props: Readonly<Record<string, Value | undefined>>): Props {
  const node: Props = {};
  for (const key in props) {
    const value = props[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0))
      node[key] = null;
    else if (storable(value)) node[key] = value;
    else throw new TypeError(`${key}: ${typeof value} cannot be stored as a Neo4j property`);
  }
  return node;
}

export interface SourceRow {
  id: string;
  props: Props;
}

export const sourceRow = (s: Source): SourceRow => ({
  id: s.id,
  props: present({ ...s, published: dateOrNull(s.published) }),
});

export interface EntrustmentRow {
  id: string;
  props: Props;
  client: string;
  contractor: string;
  under: string[];
  approvedBy: string[];
  sources: string[];
}

export function entrustmentRow(e: Entrustment): EntrustmentRow {
  const { client, contractor, under, approvedBy, sources, ...flat } = e;
  return {
    id: e.id,
    props: present({
      ...flat,
      from: dateOrNull(e.from),
      to: dateOrNull(e.to),
      records: countOrNull(e.records),
      ownData: under?.length === 0 ? true : null,
    }),
    client,
    contractor,
    under: under ?? [],
    approvedBy,
    sources,
  };
}

export interface CertificationRow {
  props: Props;
  sources: string[];
}

export interface PartyRow {
  id: string;
  props: Props;
  parent: string | null;
  operator: string | null;
  memberOf: { party: string; role: string | null }[];
  sources: string[];
  certifications: CertificationRow[];
}

/**
 * A party: its flat fields, and its contact as contactEmail / contactPhone / contactUrl (a
 * property cannot hold a map, and Cypher users look these up). Certifications become nodes of
 * their own, since each cites sources.
 */
export function partyRow(p: Party): PartyRow {
  const { memberOf, certifications, contact, parent, operator, sources, ...flat } = p;
  return {
    id: p.id,
    props: present({
      ...flat,
      contactEmail: contact?.email,
      contactPhone: contact?.phone,
      contactUrl: contact?.url,
    }),
    parent: parent ?? null,
    operator: operator ?? null,
    memberOf: memberOf.map((m) => ({ party: m.party, role: m.role ?? null })),
    sources,
    certifications: certifications.map(({ sources: cited, ...c }) => ({
      props: present({ ...c, from: dateOrNull(c.from), to: dateOrNull(c.to) }),
      sources: cited,
    })),
  };
}

export interface IncidentRow {
  id: string;
  props: Props;
  party: string;
  sources: string[];
  revisions: Props[];
}

/** An incident: its flat fields, and its record-count revisions as nodes of their own. */
export function incidentRow(i: Incident): IncidentRow {
  const { party, sources, revisions, ...flat } = i;
  return {
    id: i.id,
    props: present({
      ...flat,
      from: dateOrNull(i.from),
      to: dateOrNull(i.to),
      detected: dateOrNull(i.detected),
      announced: dateOrNull(i.announced),
      records: countOrNull(i.records),
    }),
    party,
    sources,
    revisions: revisions.map((r) =>
      present({ ...r, date: toDate(r.date), records: countOrNull(r.records) }),
    ),
  };
}

/** A count or other whole number from Neo4j, where it is an Integer. */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  throw new TypeError(`expected a number from Neo4j, got ${typeof value}`);
}

/** A page size as the Integer LIMIT needs: a JS number is sent as a float, which LIMIT refuses. */
export const toInteger = (n: number) => neo4j.int(Math.max(0, Math.trunc(n)));
