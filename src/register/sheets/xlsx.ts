import ExcelJS from 'exceljs';
import type { CellValue } from './cells.js';
import type { RawSheet } from './from-sheets.js';

export class NotAWorkbookError extends Error {}

// exceljs's streaming reader fails on workbooks whose workbook.xml comes after the sheets (as
// exceljs itself writes them), so the workbook is loaded whole; large ones are read in the
// import worker, off the thread that answers requests.
export async function readXlsx(bytes: Uint8Array, file?: string): Promise<RawSheet[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new NotAWorkbookError(
      `not an Excel workbook (.xlsx) that can be read: ${(error as Error).message}`,
    );
  }
  return book.worksheets.map((worksheet) => {
    const sheet: RawSheet = {
      name: worksheet.name,
      ...(file === undefined ? {} : { file }),
      inWorkbook: true,
      header: [],
      rows: [],
    };
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells = ((row.values as ExcelJS.CellValue[]) ?? []).slice(1).map(plain);
      if (row.number === 1) sheet.header = cells;
      else if (cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')))
        sheet.rows.push({ row: row.number, cells });
    });
    return sheet;
  });
}

/** A cell's value as the register reads it: formulas by their result, rich text as its text. */
function plain(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : plain(value.text);
  if ('error' in value) return String(value.error);
  return null;
}
