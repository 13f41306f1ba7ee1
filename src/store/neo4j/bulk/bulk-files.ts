import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { AuditDraft } from '../../../register/audit.js';
import type { RegisterBatch } from '../../../domain/model.js';
import {
  entrustmentRow,
  incidentRow,
  partyRow,
  sourceRow,
  type CertificationRow,
  type EntrustmentRow,
  type IncidentRow,
  type PartyRow,
  type Props,
} from '../mapping.js';
import { auditProps, categoryProps } from '../access-rows.js';
import {
  ARRAY_DELIMITER_ARG,
  CsvTable,
  propertyColumn,
  typeOf,
  type CellValue,
  type Column,
} from './csv-table.js';
import { delegations, inferredLinks } from './derived.js';

// A register as the CSV files `neo4j-admin database import full` loads into an empty database:
// the same nodes, properties and relationships the Cypher import writes (cypher/README.md), with
// the store's generation and the load's audit entry, so the service opens it as if it had been
// imported through the API. Node properties and the ids relationships are drawn to come from the
// adapter's own mapping (mapping.ts), so the two ways in cannot drift apart;
// test/contract/neo4j-bulk.test.ts compares the graphs.

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
  /** The properties every relationship of the file may carry. */
  properties: Column[];
  rows: Row[];
}

type Labelled = 'Source' | 'Party' | 'Entrustment' | 'Incident';
/** Each node's import id (its place among its label's records), by label and `id`; certifications and revisions have no id. */
type Ordinals = Record<Labelled, Map<string, number>> & Record<'Certification' | 'Revision', null>;

/** The rows of a batch, as the Cypher import sends them. */
export interface BatchRows {
  sources: { id: string; props: Props }[];
  parties: PartyRow[];
  entrustments: EntrustmentRow[];
  incidents: IncidentRow[];
}

function ordinalsOf(rows: BatchRows): Ordinals {
  const places = (records: readonly { id: string }[]) => {
    const place = new Map<string, number>();
    records.forEach((r, i) => place.set(r.id, i));
    return place;
  };
  return {
    Source: places(rows.sources),
    Party: places(rows.parties),
    Entrustment: places(rows.entrustments),
    Incident: places(rows.incidents),
    Certification: null,
    Revision: null,
  };
}

const POSITION = propertyColumn('position', 'long');
const INFERRED = propertyColumn('inferred', 'boolean');

/** One file per relationship type and pair of labels (neo4j-admin names id spaces by label). */
function relationshipsOf(
  batch: RegisterBatch,
  rows: BatchRows,
  ordinals: Ordinals,
  certifications: readonly { party: number; position: number; row: CertificationRow }[],
  revisions: readonly { incident: number; position: number }[],
): RelationshipFile[] {
  const file = (
    type: string,
    from: keyof Ordinals,
    to: keyof Ordinals,
    ...properties: Column[]
  ): RelationshipFile => ({ type, from, to, rows: [], properties });
  const subsidiary = file('SUBSIDIARY_OF', 'Party', 'Party');
  const operated = file('OPERATED_BY', 'Party', 'Party');
  const member = file('MEMBER_OF', 'Party', 'Party', POSITION, propertyColumn('role', 'string'));
  const partyCites = file('CITES', 'Party', 'Source', POSITION);
  const certified = file('HAS_CERTIFICATION', 'Party', 'Certification', POSITION);
  const certificationCites = file('CITES', 'Certification', 'Source', POSITION);
  const entrusts = file('ENTRUSTS', 'Party', 'Entrustment');
  const to = file('TO', 'Entrustment', 'Party');
  const under = file('UNDER', 'Entrustment', 'Entrustment', POSITION);
  const approved = file('APPROVED_BY', 'Entrustment', 'Party', POSITION);
  const entrustmentCites = file('CITES', 'Entrustment', 'Source', POSITION);
  const at = file('AT', 'Incident', 'Party');
  const incidentCites = file('CITES', 'Incident', 'Source', POSITION);
  const revised = file('HAS_REVISION', 'Incident', 'Revision', POSITION);
  const performs = file('PERFORMS', 'Entrustment', 'Entrustment', INFERRED);
  const delegates = file(
    'DELEGATES_TO',
    'Party',
    'Party',
    propertyColumn('from', 'date'),
    propertyColumn('to', 'date'),
    propertyColumn('data', 'string[]'),
  );
  // A record's own import id is its place in the loop; the ids it names are looked up. The batch is
  // resolved: every id it names is one of its records, so every lookup finds one.
  const link = (f: RelationshipFile, start: number, endId: string, props: Row = {}) =>
    void f.rows.push({ start, end: (ordinals[f.to] as Map<string, number>).get(endId)!, ...props });
  const each = (f: RelationshipFile, start: number, ids: readonly string[]) =>
    ids.forEach((id, position) => link(f, start, id, { position: neo4j.int(position) }));
  rows.parties.forEach((p, self) => {
    if (p.parent !== null) link(subsidiary, self, p.parent);
    if (p.operator !== null) link(operated, self, p.operator);
    p.memberOf.forEach((m, position) =>
      link(member, self, m.party, { position: neo4j.int(position), role: m.role }),
    );
    each(partyCites, self, p.sources);
  });
  certifications.forEach((c, self) => {
    certified.rows.push({ start: c.party, end: self, position: neo4j.int(c.position) });
    each(certificationCites, self, c.row.sources);
  });
  rows.entrustments.forEach((e, self) => {
    entrusts.rows.push({ start: ordinals.Party.get(e.client)!, end: self });
    link(to, self, e.contractor);
    each(under, self, e.under);
    each(approved, self, e.approvedBy);
    each(entrustmentCites, self, e.sources);
  });
  rows.incidents.forEach((i, self) => {
    link(at, self, i.party);
    each(incidentCites, self, i.sources);
  });
  revisions.forEach((v, self) =>
    revised.rows.push({ start: v.incident, end: self, position: neo4j.int(v.position) }),
  );
  for (const [start, end] of inferredLinks(batch.entrustments))
    performs.rows.push({ start, end, inferred: true });
  for (const d of delegations(batch.entrustments))
    link(delegates, ordinals.Party.get(d.client)!, d.contractor, d.props);
  return [
    subsidiary,
    operated,
    member,
    partyCites,
    certified,
    certificationCites,
    entrusts,
    to,
    under,
    approved,
    entrustmentCites,
    at,
    incidentCites,
    revised,
    performs,
    delegates,
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

/** The label a party's kind gives it beside :Party, as party/upsert.cypher spells it. */
const kindLabel = (kind: unknown) => `${String(kind)[0]!.toUpperCase()}${String(kind).slice(1)}`;
const KIND_LABEL = ':kindLabel';

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
  const rows: BatchRows = {
    sources: batch.sources.map(sourceRow),
    parties: batch.parties.map(partyRow),
    entrustments: batch.entrustments.map(entrustmentRow),
    incidents: batch.incidents.map(incidentRow),
  };
  const certifications = rows.parties.flatMap((p, party) =>
    p.certifications.map((row, position) => ({ party, position, row })),
  );
  const revisions = rows.incidents.flatMap((i, incident) =>
    i.revisions.map((props, position) => ({ incident, position, props })),
  );
  const props = (row: { props: Props }): Row => ({ ...row.props });
  await nodeFile('Source', 'sources.csv', rows.sources, props);
  const parties = (p: PartyRow): Row => ({ ...p.props, [KIND_LABEL]: kindLabel(p.props.kind) });
  await nodeFile('Party', 'parties.csv', rows.parties, parties, [
    ...nodeColumns(
      'Party',
      rows.parties.map((p) => p.props),
    ),
    { key: KIND_LABEL, header: ':LABEL' },
  ]);
  await nodeFile('Entrustment', 'entrustments.csv', rows.entrustments, props);
  await nodeFile('Incident', 'incidents.csv', rows.incidents, props);
  await nodeFile('Certification', 'certifications.csv', certifications, (c) => props(c.row));
  await nodeFile('Revision', 'revisions.csv', revisions, props);
  // Declared data categories and the load's audit entry as the adapter writes them (access-rows.ts).
  await nodeFile('Category', 'categories.csv', batch.categories ?? [], (c) => ({
    ...categoryProps(c),
  }));
  // The store as its first write leaves it: generation 1, and the audit entry with that sequence number.
  const itself = (row: Row) => row;
  await nodeFile('StoreMeta', 'store.csv', [{ id: 'store', generation: 1 }], itself, [
    idColumn('StoreMeta'),
    propertyColumn('id', 'string'),
    propertyColumn('generation', 'long'),
  ]);
  await nodeFile('AuditEntry', 'audit.csv', [audit], (a) => ({
    seq: neo4j.int(1),
    ...(auditProps(a) as Row),
  }));
  for (const rel of relationshipsOf(batch, rows, ordinalsOf(rows), certifications, revisions)) {
    if (rel.rows.length === 0) continue;
    const name = `${rel.type.toLowerCase()}-${rel.from.toLowerCase()}-${rel.to.toLowerCase()}.csv`;
    const columns: Column[] = [
      { key: 'start', header: `:START_ID(${rel.from})` },
      { key: 'end', header: `:END_ID(${rel.to})` },
      ...rel.properties,
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
