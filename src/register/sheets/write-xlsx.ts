import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { isIsoDate } from '../../domain/dates.js';
import { letter } from './from-sheets.js';
import type { OutSheet } from './to-sheets.js';

// A register as a workbook a person fills in: the register's field names in a bold, frozen first
// row, dates typed as dates, and drop-downs for enumerations (and data categories) below it.
// Written with exceljs's streaming writer: each row is committed as it is added, so a register
// of 100,000 entrustments is never held as a workbook model, only as the bytes written.

export interface WorkbookOptions {
  /** Instructions, written as a first sheet named README. */
  readme?: readonly string[];
  /** Data category keys offered in the data columns' drop-downs (on a hidden sheet). */
  categories?: readonly string[];
  /** Rows below the data that still get drop-downs and date types, for what a person adds. */
  blankRows?: number;
}

export const LISTS_SHEET = 'lists';

export async function writeXlsx(sheets: readonly OutSheet[], options: WorkbookOptions = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'vendor-chain';
  if (options.readme) {
    const readme = book.addWorksheet('README');
    readme.getColumn(1).width = 110;
    options.readme.forEach((line, i) => {
      const row = readme.addRow([line]);
      if (i === 0) row.font = { bold: true, size: 14 };
      row.commit();
    });
    readme.commit();
  }
  for (const sheet of sheets) addSheet(book, sheet, options);
  if (options.categories?.length) {
    const lists = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    lists.addRow(['data categories']).commit();
    for (const key of options.categories) lists.addRow([key]).commit();
    lists.commit();
  }
  await book.commit();
  return Buffer.concat(chunks);
}

function addSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: OutSheet,
  options: WorkbookOptions,
): void {
  const ws = book.addWorksheet(sheet.layout.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = sheet.layout.columns;
  ws.columns = columns.map((c) => ({
    key: c.field,
    width: c.width ?? Math.max(12, c.field.length + 2),
  }));
  // Column formats first: the streaming writer styles a cell when its row is added.
  columns.forEach((column, i) => {
    if (column.kind === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  const header = ws.addRow(columns.map((c) => c.field));
  header.font = { bold: true };
  header.commit();
  for (const row of sheet.rows)
    ws.addRow(row.map((cell, i) => (columns[i]!.kind === 'date' ? asDate(cell) : cell))).commit();
  const last = sheet.rows.length + 1 + (options.blankRows ?? 200);
  // exceljs has range validations (written as one rule per range) but leaves them out of its types.
  const validations = (ws as unknown as RangeValidations).dataValidations;
  // No rows to validate: a range A2:A1 would be read as A1:A2, the header.
  if (last < 2) {
    ws.commit();
    return;
  }
  columns.forEach((column, i) => {
    const range = `${letter(i)}2:${letter(i)}${last}`;
    if (column.kind === 'date') {
      validations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: column.field,
        error: 'a date, like 2024-04-01',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      });
    } else if (column.kind === 'boolean') {
      validations.add(range, list(['TRUE', 'FALSE'], true));
    } else if (column.values) {
      validations.add(range, list(column.values, true));
    } else if (column.field === 'data' && options.categories?.length) {
      // Several keys may share a cell: the list suggests, it does not refuse.
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: false,
        formulae: [`${LISTS_SHEET}!$A$2:$A$${options.categories.length + 1}`],
      });
    }
  });
  ws.commit();
}

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function list(values: readonly string[], strict: boolean): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    showErrorMessage: strict,
    error: `one of ${values.join(', ')}`,
    formulae: [`"${values.join(',')}"`],
  };
}

// A date as Excel's date (midnight UTC, which exceljs writes as that day); text that is not a
// date stays text, so that nothing is silently changed.
function asDate(cell: string | number | boolean | null) {
  return typeof cell === 'string' && isIsoDate(cell) ? new Date(`${cell}T00:00:00Z`) : cell;
}
