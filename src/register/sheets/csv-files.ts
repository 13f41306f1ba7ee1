import { parse, CsvError } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../problems.js';
import type { RawSheet } from './from-sheets.js';
import type { OutSheet } from './to-sheets.js';

// A register as a directory of CSV files, one <sheet>.csv per sheet. Files are written in UTF-8
// with a byte-order mark, which is how Excel recognises UTF-8 (Japanese names stay legible), and
// read with or without one.

export interface CsvFile {
  /** The sheet the file is: its base name without .csv. */
  name: string;
  /** Its path, for problems. */
  file: string;
  text: string;
}

export function readCsvFiles(files: readonly CsvFile[]): {
  sheets: RawSheet[];
  problems: Problem[];
} {
  const sheets: RawSheet[] = [];
  const problems: Problem[] = [];
  for (const { name, file, text } of files) {
    let records: string[][];
    try {
      records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const row = (error as CsvError & { records?: number }).records;
      problems.push({
        file,
        ...(row === undefined ? {} : { row: row + 1 }),
        path: '(document)',
        message: `not valid CSV: ${error.message}`,
      });
      continue;
    }
    const [header = [], ...rows] = records;
    sheets.push({
      name,
      file,
      inWorkbook: false,
      header,
      rows: rows
        .map((cells, i) => ({ row: i + 2, cells }))
        .filter(({ cells }) => cells.some((c) => c.trim() !== '')),
    });
  }
  return { sheets, problems };
}

export function writeCsvFiles(sheets: readonly OutSheet[]): Array<{ name: string; text: string }> {
  return sheets.map(({ layout, rows }) => ({
    name: `${layout.name}.csv`,
    text: stringify([layout.columns.map((c) => c.field), ...rows], {
      bom: true,
      // The default writes false as an empty cell, which would read back as absent.
      cast: { boolean: (value) => (value ? 'true' : 'false') },
    }),
  }));
}
