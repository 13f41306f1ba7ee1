import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import neo4j, { type Date as Neo4jDate, type DateTime, type Integer } from 'neo4j-driver';

// One CSV file in the form `neo4j-admin database import` reads: a header naming each column and
// its type (`records:long`, `from:date`, `data:string[]`), every string quoted with quotes doubled, list
// items joined by ARRAY_DELIMITER, and an absent value as an empty, unquoted field (no property).

/**
 * Between the items of a list property: U+001F, the unit separator. No register text, id or code
 * can hold it (validation refuses control characters), so no item is ever split.
 */
export const ARRAY_DELIMITER = '\u001f';
/** How neo4j-admin is told the delimiter. */
export const ARRAY_DELIMITER_ARG = 'U+001F';

export type CellValue =
  | string
  | number
  | boolean
  | readonly string[]
  | Neo4jDate<number>
  | DateTime<number>
  | Integer
  | null
  | undefined;
/** What neo4j-admin stores: an Integer (counts, positions) as a long, a DATE as a date, an instant as a datetime. */
export type ColumnType =
  'string' | 'double' | 'long' | 'date' | 'datetime' | 'boolean' | 'string[]';

/** A column: a property, or one of neo4j-admin's own (`id:ID(Party)`, `:START_ID(Party)`). */
export interface Column {
  key: string;
  /** The header cell; a property's is `key` with its type. */
  header: string;
}

/** The type a property's values have, as the driver would send them; an id column is a string. */
export function typeOf(value: Exclude<CellValue, null | undefined>): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (neo4j.isInt(value)) return 'long';
  if (neo4j.isDate(value)) return 'date';
  if (neo4j.isDateTime(value)) return 'datetime';
  return 'string[]';
}

/** A property column: strings need no type, the others say theirs. */
export const propertyColumn = (key: string, type: ColumnType): Column => ({
  key,
  header: type === 'string' ? key : `${key}:${type}`,
});

const quoted = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

function cell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!Array.isArray(value)) return value.toString();
  return value.length === 0 ? '' : quoted(value.join(ARRAY_DELIMITER));
}

/** Bytes gathered before a write: one write per chunk, not per row. */
const CHUNK = 1 << 20;

/** Rows written to `path` as they come, after the header. */
export class CsvTable {
  private readonly out;
  private pending: string[] = [];
  private pendingLength = 0;
  /** Rows written; a table with none is left out of the import. */
  rows = 0;
  /** True once a value held a line break: neo4j-admin must then read fields across lines. */
  multiline = false;

  /** A write that failed (a full disk): thrown at the next add or at close, not lost. */
  private failure: Error | null = null;

  constructor(
    path: string,
    private readonly columns: readonly Column[],
  ) {
    this.out = createWriteStream(path, { encoding: 'utf8', flags: 'wx' });
    this.out.on('error', (error) => void (this.failure ??= error));
    this.push(columns.map((c) => c.header).join(','));
  }

  /** Adds a row; true when enough is gathered that the caller should `flush` before the next. */
  add(row: Readonly<Record<string, CellValue>>): boolean {
    // A loop, not map and join: a million rows of twenty columns.
    let line = cell(row[this.columns[0]!.key]);
    for (let i = 1; i < this.columns.length; i++) line += `,${cell(row[this.columns[i]!.key])}`;
    if (!this.multiline && line.includes('\n')) this.multiline = true;
    this.rows += 1;
    this.push(line);
    return this.pendingLength >= CHUNK;
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    if (!this.out.closed) await once(this.out, 'close');
    if (this.failure) throw this.failure;
  }

  private push(line: string): void {
    this.pending.push(line);
    this.pendingLength += line.length + 1;
  }

  /** Writes what is gathered, waiting while the file is behind. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingLength = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
