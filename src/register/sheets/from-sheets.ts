import type { PathSegment, Problem } from '../problems.js';
import { readCell, type CellValue } from './cells.js';
import { LAYOUTS, columnNamed, sheetNamed, type Column, type SheetLayout } from './layout.js';

// Sheets (of a workbook, or the files of a CSV directory) to a register document, and the place
// (file, sheet, row, column) of every value in it, so that the validator's problems, found by
// path as in YAML, are reported where a person looks in a spreadsheet.

export interface RawSheet {
  /** The sheet's name as written (or a CSV file's base name). */
  name: string;
  /** The CSV file the sheet is; for a workbook, the workbook (set by the caller). */
  file?: string;
  /** Whether `file` is a workbook holding the sheet (then problems name the sheet too). */
  inWorkbook: boolean;
  header: CellValue[];
  /** Rows below the header, with their 1-based row numbers as a spreadsheet shows them. */
  rows: Array<{ row: number; cells: CellValue[] }>;
}

export interface Place {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface SheetsDocument {
  value: Record<string, unknown>;
  /** Problems the sheets alone show: unknown sheets and columns, rows owned by no record. */
  problems: Problem[];
  place(at: readonly PathSegment[]): Place;
}

/** Sheets no register section reads: a template's instructions. */
const IGNORED = new Set(['readme', 'lists', 'はじめに', '説明']);

interface Mapped {
  raw: RawSheet;
  layout: SheetLayout;
  columns: Array<{ index: number; column: Column; header: string }>;
}

export function fromSheets(sheets: readonly RawSheet[]): SheetsDocument {
  const problems: Problem[] = [];
  const placeOf = (raw: RawSheet, row?: number, index?: number, header?: string): Place => ({
    ...(raw.file === undefined ? {} : { file: raw.file }),
    ...(raw.inWorkbook ? { sheet: raw.name } : {}),
    ...(row === undefined ? {} : { row }),
    ...(index === undefined ? {} : { column: `${letter(index)} (${header})` }),
  });
  const problem = (place: Place, path: string, message: string) =>
    problems.push({ ...place, path, message });

  const mapped = new Map<string, Mapped>();
  for (const raw of sheets) {
    const layout = sheetNamed(raw.name);
    if (!layout) {
      if (!IGNORED.has(raw.name.trim().toLowerCase()))
        problem(
          placeOf(raw),
          '(document)',
          `unknown sheet "${raw.name}": expected ${LAYOUTS.map((l) => l.name).join(', ')} (or README)`,
        );
      continue;
    }
    if (mapped.has(layout.name)) {
      problem(
        placeOf(raw),
        layout.name,
        `a second sheet for ${layout.name}: give each section one sheet`,
      );
      continue;
    }
    mapped.set(layout.name, { raw, layout, columns: mapColumns(raw, layout, placeOf, problem) });
  }

  const value: Record<string, unknown> = { register: 1 };
  const rowsOf = new Map<string, number[]>();
  const childRows = new Map<string, number[]>();
  for (const sheet of mapped.values()) {
    if (sheet.layout.child) continue;
    const records = sheet.raw.rows.map((r) => readRow(sheet, r, placeOf, problem));
    if (records.length === 0) continue;
    value[sheet.layout.name] = records;
    rowsOf.set(
      sheet.layout.name,
      sheet.raw.rows.map((r) => r.row),
    );
  }
  for (const sheet of mapped.values()) {
    const child = sheet.layout.child;
    if (!child) continue;
    const owners = (value[child.of] as Array<Record<string, unknown>> | undefined) ?? [];
    const index = new Map(owners.map((o, i) => [o.id, i]));
    const keyColumn = sheet.columns.find((c) => c.column.field === child.key);
    for (const r of sheet.raw.rows) {
      const record = readRow(sheet, r, placeOf, problem);
      const owner = record[child.key];
      delete record[child.key];
      const at = index.get(owner);
      if (at === undefined) {
        const where = placeOf(sheet.raw, r.row, keyColumn?.index, keyColumn?.header);
        problem(
          where,
          `${sheet.layout.name}`,
          owner === undefined
            ? `each row needs the ${child.key} it belongs to (column ${child.key})`
            : `no ${child.of === 'parties' ? 'party' : 'incident'} "${String(owner)}" in the ${child.of} sheet`,
        );
        continue;
      }
      const list = ((owners[at]![child.field] as unknown[] | undefined) ??= []);
      list.push(record);
      const key = `${child.of}:${at}`;
      if (!childRows.has(key)) childRows.set(key, []);
      childRows.get(key)!.push(r.row);
    }
  }

  const place = (at: readonly PathSegment[]): Place => {
    const [section, index, field, ...rest] = at;
    const sheet = typeof section === 'string' ? mapped.get(section) : undefined;
    if (!sheet || typeof index !== 'number') return sheet ? placeOf(sheet.raw) : {};
    const row = rowsOf.get(sheet.layout.name)?.[index];
    if ((field === 'certifications' || field === 'revisions') && typeof rest[0] === 'number') {
      const child = mapped.get(field);
      const childRow = childRows.get(`${sheet.layout.name}:${index}`)?.[rest[0]];
      if (child)
        return cellPlace(child, childRow, typeof rest[1] === 'string' ? rest[1] : undefined);
    }
    const name =
      field === 'contact'
        ? typeof rest[0] === 'string'
          ? `contact.${rest[0]}`
          : sheet.columns.find((c) => c.column.field.startsWith('contact.'))?.column.field
        : typeof field === 'string'
          ? field
          : undefined;
    return cellPlace(sheet, row, name);
  };
  const cellPlace = (sheet: Mapped, row: number | undefined, field: string | undefined) => {
    const column = sheet.columns.find((c) => c.column.field === field);
    return placeOf(sheet.raw, row, column?.index, column?.header);
  };
  return { value, problems, place };
}

type PlaceOf = (raw: RawSheet, row?: number, index?: number, header?: string) => Place;
type Report = (place: Place, path: string, message: string) => void;

function mapColumns(raw: RawSheet, layout: SheetLayout, placeOf: PlaceOf, problem: Report) {
  const columns: Mapped['columns'] = [];
  raw.header.forEach((cell, index) => {
    const header = cell === null ? '' : String(cell).trim();
    if (header === '') return;
    const column = columnNamed(layout, header);
    if (!column) {
      problem(
        placeOf(raw, 1, index, header),
        layout.name,
        `unknown column "${header}": expected one of ${layout.columns.map((c) => c.field).join(', ')}`,
      );
      return;
    }
    const twice = columns.find((c) => c.column === column);
    if (twice) {
      problem(
        placeOf(raw, 1, index, header),
        layout.name,
        `"${header}" is ${column.field} again (already column ${letter(twice.index)})`,
      );
      return;
    }
    columns.push({ index, column, header });
  });
  return columns;
}

function readRow(
  sheet: Mapped,
  { row, cells }: { row: number; cells: CellValue[] },
  placeOf: PlaceOf,
  problem: Report,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const { index, column, header } of sheet.columns) {
    const read = readCell(column, cells[index] ?? null);
    if (read === null) continue;
    if ('problem' in read) {
      problem(
        placeOf(sheet.raw, row, index, header),
        `${sheet.layout.name}.${column.field}`,
        read.problem,
      );
      continue;
    }
    const dot = column.field.indexOf('.');
    if (dot < 0) record[column.field] = read.value;
    else {
      const outer = column.field.slice(0, dot);
      const inner = ((record[outer] as Record<string, unknown> | undefined) ??= {});
      inner[column.field.slice(dot + 1)] = read.value;
    }
  }
  return record;
}

/** A 0-based column index as a spreadsheet's letters: 0 is A, 26 is AA. */
export function letter(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
