import type { CsvFile } from './csv-files.js';
import { readCsvFiles } from './csv-files.js';
import { fromSheets, type SheetsDocument } from './from-sheets.js';
import { NotAWorkbookError, readXlsx } from './xlsx.js';

/** A register as spreadsheets: a workbook's bytes, or the files of a CSV directory. */
export type SheetSource =
  { format: 'xlsx'; bytes: Uint8Array } | { format: 'csv'; files: CsvFile[] };

/** The register document the sheets hold, with the place of each value and the sheets' own problems. */
export async function readSheetSource(source: SheetSource, file?: string): Promise<SheetsDocument> {
  if (source.format === 'csv') {
    const { sheets, problems } = readCsvFiles(source.files);
    const doc = fromSheets(sheets);
    return { ...doc, problems: [...problems, ...doc.problems] };
  }
  try {
    return fromSheets(await readXlsx(source.bytes, file));
  } catch (error) {
    if (!(error instanceof NotAWorkbookError)) throw error;
    return {
      value: { register: 1 },
      problems: [
        { ...(file === undefined ? {} : { file }), path: '(document)', message: error.message },
      ],
      place: () => (file === undefined ? {} : { file }),
    };
  }
}

/** The characters (or bytes) a sheet source weighs, to choose where it is imported. */
export const sheetSourceSize = (source: SheetSource) =>
  source.format === 'xlsx'
    ? source.bytes.byteLength
    : source.files.reduce((n, f) => n + f.text.length, 0);
