import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { Entrustment, Incident, Party, Source } from '../../domain/model.js';

// From the graph back to domain records. Every read query returns one `record` column: the node's
// properties with the ids its relationships lead to, under the register's field names and in
// their order (the relationships' `position`). Dates come back as strings, counts as numbers;
// nulls (a relationship or property that is not there) are dropped, so absent stays absent; the
// lists the graph does not store when empty come back as [].

type Plain = Record<string, unknown>;

/** A value from the driver in the domain's terms: DATE as YYYY-MM-DD, INTEGER as a number. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value)) return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') return plainMap(value as Plain);
  return value;
}

function plainMap(map: Plain): Plain {
  const out: Plain = {};
  for (const key in map) {
    const value = plain(map[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Sets each of `keys` to [] where the graph stored no list. */
function lists(record: Plain, keys: readonly string[]): void {
  for (const key of keys) record[key] ??= [];
}

const rowsOf = (rows: Neo4jRecord[]) => rows.map((row) => plainMap(row.get('record') as Plain));

export function sourcesOf(rows: Neo4jRecord[]): Source[] {
  return rowsOf(rows) as Source[];
}

const ENTRUSTMENT_LISTS = ['purposes', 'data', 'subjects', 'approvedBy', 'storage', 'access'];

/** `under`: [] when the node says `ownData`, absent when it performs no declared upstream. */
function underOf(record: Plain): void {
  const { ownData, under } = record;
  delete record.ownData;
  if (ownData === true) record.under = [];
  else if (!Array.isArray(under) || under.length === 0) delete record.under;
}

export function entrustmentsOf(rows: Neo4jRecord[]): Entrustment[] {
  return rowsOf(rows).map((record) => {
    underOf(record);
    lists(record, [...ENTRUSTMENT_LISTS, 'sources']);
    return record as Entrustment;
  });
}

export function partiesOf(rows: Neo4jRecord[]): Party[] {
  return rowsOf(rows).map((record) => {
    const { contactEmail: email, contactPhone: phone, contactUrl: url } = record;
    delete record.contactEmail;
    delete record.contactPhone;
    delete record.contactUrl;
    if (email !== undefined || phone !== undefined || url !== undefined)
      record.contact = plainMap({ email, phone, url });
    lists(record, ['aka', 'memberOf', 'certifications', 'sources']);
    for (const certification of record.certifications as Plain[]) lists(certification, ['sources']);
    return record as Party;
  });
}

export function incidentsOf(rows: Neo4jRecord[]): Incident[] {
  return rowsOf(rows).map((record) => {
    lists(record, ['data', 'subjects', 'revisions', 'sources']);
    return record as Incident;
  });
}
