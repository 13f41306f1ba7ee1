import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { RegisterBatch } from '../../domain/model.js';
import type { Runners } from './access.js';
import { entrustmentsOf, incidentsOf, partiesOf, sourcesOf } from './records.js';

// Whether a record is stored exactly as given, relationships included: a large import writes only
// what changes. The stored record is read back as every read does and compared field by field, so
// the comparison cannot disagree with what readers see.

type Kind = Exclude<keyof RegisterBatch, 'categories'>;

const READS = {
  sources: ['source/get-many', sourcesOf],
  parties: ['party/get-many', partiesOf],
  entrustments: ['entrustment/get-many', entrustmentsOf],
  incidents: ['incident/get-many', incidentsOf],
} as const satisfies Record<Kind, readonly [string, (rows: Neo4jRecord[]) => unknown[]]>;

/** A value with its object keys sorted and undefined fields dropped: equal records, equal text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = canonical(field);
  }
  return out;
}

const textOf = (record: unknown) => JSON.stringify(canonical(record));

/** The ids of `records` (all stored) whose stored record is exactly the one given. */
export async function sameAsStored(
  r: Runners,
  tx: ManagedTransaction,
  kind: Kind,
  records: readonly { id: string }[],
): Promise<string[]> {
  if (records.length === 0) return [];
  const [query, decode] = READS[kind];
  const { records: rows } = await r.run(tx, query, { ids: records.map((x) => x.id) });
  const stored = new Map(
    (decode(rows) as { id: string }[]).map((record) => [record.id, textOf(record)]),
  );
  return records.filter((x) => stored.get(x.id) === textOf(x)).map((x) => x.id);
}
