import { join } from 'node:path';
import type { AuditDraft } from '../../../register/audit.js';
import type { RegisterBatch } from '../../../domain/model.js';
import {
  entrustmentNode,
  incidentNode,
  partyMemberships,
  partyNode,
  sourceNode,
} from '../mapping.js';
import {
  ARRAY_DELIMITER_ARG,
  CsvTable,
  propertyColumn,
  typeOf,
  type CellValue,
  type Column,
} from './csv-table.js';

// A register as the CSV files `neo4j-admin database import full` loads into an empty database:
// the same nodes, properties and relationships the Cypher import writes (cypher/README.md), with
// the store's generation and the load's audit entry, so the service opens it as if it had been
// imported through the API. Node properties come from the adapter's own mapping (mapping.ts), so
// the two ways in cannot drift apart; test/contract/neo4j-bulk.test.ts compares the graphs.

type Row = Record<string, CellValue>;

/** What neo4j-admin is given: files relative to the directory they are in. */
export interface BulkFiles {
  /** neo4j-admin's arguments after `database import full <database>`, files relative to the directory. */
  args: string[];
  nodes: number;
  relationships: number;
}

/** The file that lists the arguments, one per line, beside the CSV files. */
export const ARGS_FILE = 'neo4j-admin.args';

/**
 * The row key of a node's import id: its place in its file, not its `id`. neo4j-admin maps
 * integer ids far faster than strings (no string sort, no collision check), and relationship files
 * of numbers are smaller to write and read. The id itself is an ordinary property column.
 */
const ORDINAL = ':ordinal';

/** Columns for `rows`: the import id first, then every property some row has (`id` among them), typed by its values. */
function nodeColumns(label: string, rows: Iterable<Row>): Column[] {
  const types = new Map<string, ReturnType<typeof typeOf>>();
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (key === ORDINAL || value === null || value === undefined) continue;
      const type = typeOf(value);
      const seen = types.get(key);
      if (seen !== undefined && seen !== type)
        throw new Error(`${label}.${key} holds both ${seen} and ${type} values`);
      types.set(key, type);
    }
  }
  return [idColumn(label), ...[...types].map(([key, type]) => propertyColumn(key, type))];
}

const idColumn = (label: string): Column => ({ key: ORDINAL, header: `:ID(${label})` });

interface RelationshipFile {
  type: string;
  from: keyof Ordinals;
  to: keyof Ordinals;
  /** A property every relationship of the file may carry. */
  property?: Column;
  rows: Row[];
}

/** Each node's import id (its place among its label's records), by label and `id`. */
type Ordinals = Record<'Source' | 'Party' | 'Entrustment' | 'Incident', Map<string, number>>;

function ordinalsOf(batch: RegisterBatch): Ordinals {
  const places = (records: readonly { id: string }[]) => {
    const place = new Map<string, number>();
    records.forEach((r, i) => place.set(r.id, i));
    return place;
  };
  return {
    Source: places(batch.sources),
    Party: places(batch.parties),
    Entrustment: places(batch.entrustments),
    Incident: places(batch.incidents),
  };
}

/** One file per relationship type and pair of labels (neo4j-admin names id spaces by label). */
function relationshipsOf(batch: RegisterBatch, ordinals: Ordinals): RelationshipFile[] {
  const file = (
    type: string,
    from: keyof Ordinals,
    to: keyof Ordinals,
    property?: Column,
  ): RelationshipFile => ({ type, from, to, rows: [], ...(property ? { property } : {}) });
  const subsidiary = file('SUBSIDIARY_OF', 'Party', 'Party');
  const operated = file('OPERATED_BY', 'Party', 'Party');
  const member = file('MEMBER_OF', 'Party', 'Party', propertyColumn('role', 'string'));
  const partyCites = file('CITES', 'Party', 'Source', propertyColumn('certification', 'boolean'));
  const entrusts = file('ENTRUSTS', 'Party', 'Entrustment');
  const to = file('TO', 'Entrustment', 'Party');
  const under = file('UNDER', 'Entrustment', 'Entrustment');
  const approved = file('APPROVED_BY', 'Entrustment', 'Party');
  const entrustmentCites = file('CITES', 'Entrustment', 'Source');
  const at = file('AT', 'Incident', 'Party');
  const incidentCites = file('CITES', 'Incident', 'Source');
  // A record's own import id is its place in the loop; the ids it names are looked up. The batch is
  // resolved: every id it names is one of its records, so every lookup finds one.
  const link = (f: RelationshipFile, start: number, endId: string, property?: CellValue) =>
    void f.rows.push({ start, end: ordinals[f.to].get(endId)!, property });
  batch.parties.forEach((p, self) => {
    if (p.parent !== undefined) link(subsidiary, self, p.parent);
    if (p.operator !== undefined) link(operated, self, p.operator);
    const { memberOf, certificationSources } = partyMemberships(p);
    for (const m of memberOf) link(member, self, m.party, m.role);
    for (const s of p.sources) link(partyCites, self, s);
    for (const s of certificationSources) link(partyCites, self, s, true);
  });
  batch.entrustments.forEach((e, self) => {
    entrusts.rows.push({ start: ordinals.Party.get(e.client)!, end: self });
    link(to, self, e.contractor);
    for (const u of e.under ?? []) link(under, self, u);
    for (const a of e.approvedBy) link(approved, self, a);
    for (const s of e.sources) link(entrustmentCites, self, s);
  });
  batch.incidents.forEach((i, self) => {
    link(at, self, i.party);
    for (const s of i.sources) link(incidentCites, self, s);
  });
  return [
    subsidiary,
    operated,
    member,
    partyCites,
    entrusts,
    to,
    under,
    approved,
    entrustmentCites,
    at,
    incidentCites,
  ];
}

/** The rows of `records`, each with its import id. */
function mapped<T>(records: readonly T[], toRow: (record: T) => Row): Row[] {
  return records.map((record, i) => {
    const row = toRow(record);
    row[ORDINAL] = i;
    return row;
  });
}

/** Writes the CSV files for `batch` and its audit entry into `dir` (which must be empty). */
export async function writeBulkFiles(
  batch: RegisterBatch,
  audit: AuditDraft,
  dir: string,
): Promise<BulkFiles> {
  const args: string[] = [];
  let multiline = false;
  let nodes = 0;
  let relationships = 0;
  const write = async (name: string, columns: Column[], rows: Iterable<Row>): Promise<number> => {
    const table = new CsvTable(join(dir, name), columns);
    for (const row of rows) if (table.add(row)) await table.flush();
    await table.close();
    multiline ||= table.multiline;
    return table.rows;
  };
  // One label's rows are held from learning the columns to writing them: mapping a million
  // records twice took longer than the rows take room (a tenth of what the batch holds).
  const nodeFile = async <T>(
    label: string,
    name: string,
    records: readonly T[],
    toRow: (record: T) => Row,
    columns?: Column[],
  ) => {
    if (records.length === 0) return;
    const rows = mapped(records, toRow);
    nodes += await write(name, columns ?? nodeColumns(label, rows), rows);
    args.push(`--nodes=${label}=${name}`);
  };
  await nodeFile('Source', 'sources.csv', batch.sources, sourceNode);
  await nodeFile('Party', 'parties.csv', batch.parties, partyNode);
  await nodeFile('Entrustment', 'entrustments.csv', batch.entrustments, entrustmentNode);
  await nodeFile('Incident', 'incidents.csv', batch.incidents, incidentNode);
  // The store as its first write leaves it: generation 1, and the audit entry with that sequence number.
  const itself = (row: Row) => row;
  await nodeFile('StoreMeta', 'store.csv', [{ id: 'store', generation: 1 }], itself, [
    idColumn('StoreMeta'),
    propertyColumn('id', 'string'),
    propertyColumn('generation', 'long'),
  ]);
  await nodeFile('AuditEntry', 'audit.csv', [{ seq: 1, json: JSON.stringify(audit) }], itself, [
    propertyColumn('seq', 'long'),
    propertyColumn('json', 'string'),
  ]);
  for (const rel of relationshipsOf(batch, ordinalsOf(batch))) {
    if (rel.rows.length === 0) continue;
    const name = `${rel.type.toLowerCase()}-${rel.from.toLowerCase()}-${rel.to.toLowerCase()}.csv`;
    const columns: Column[] = [
      { key: 'start', header: `:START_ID(${rel.from})` },
      { key: 'end', header: `:END_ID(${rel.to})` },
      ...(rel.property ? [{ ...rel.property, key: 'property' }] : []),
    ];
    relationships += await write(name, columns, rel.rows);
    args.push(`--relationships=${rel.type}=${name}`);
  }
  args.push(
    '--id-type=INTEGER',
    `--array-delimiter=${ARRAY_DELIMITER_ARG}`,
    `--multiline-fields=${multiline}`,
  );
  return { args, nodes, relationships };
}
