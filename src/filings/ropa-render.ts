import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { RecordOfProcessing } from '../domain/record-of-processing.js';
import { text } from '../notify/markdown.js';
import {
  ROPA_COLUMNS,
  ropaCells,
  ropaHeader,
  ropaPreamble,
  type RopaColumn,
} from './ropa-columns.js';

// The record of processing as a Markdown page, a CSV file (UTF-8 with a byte-order mark, for
// Excel) or a workbook whose first sheet is the table and whose second says whose record it is.

export function ropaMarkdown(record: RecordOfProcessing): string {
  const lines = [
    `# Record of processing / 処理活動の記録（委託先一覧）`,
    '',
    ...ropaPreamble(record).map(([k, v]) => `- ${k}: ${text(v) || '—'}`),
    '',
    'Inferred rows are possible holders: no `under` states that they perform this controller’s entrustments. The last two columns are for the officer to fill in.',
    '',
    `| ${ROPA_COLUMNS.map(ropaHeader).join(' | ')} |`,
    `|${ROPA_COLUMNS.map(() => '---').join('|')}|`,
    ...ropaCells(record).map((row) => `| ${row.map(text).join(' | ')} |`),
  ];
  if (record.rows.length === 0)
    lines.push('', 'No processor holds this controller’s data. / 委託先はありません。');
  return `${lines.join('\n')}\n`;
}

export function ropaCsv(record: RecordOfProcessing): string {
  return stringify([ROPA_COLUMNS.map(ropaHeader), ...ropaCells(record)], { bom: true });
}

// Counts as numbers, days as date cells and nothing as an empty cell (midnight UTC, which exceljs writes as that day).
function typed(cell: string, column: RopaColumn): string | number | Date | null {
  if (cell === '') return null;
  if (column.type === undefined) return cell;
  return column.type === 'number' ? Number(cell) : new Date(`${cell}T00:00:00Z`);
}

export async function ropaXlsx(record: RecordOfProcessing): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'vendor-chain';
  const sheet = book.addWorksheet('record of processing', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = ROPA_COLUMNS.map((c) => ({
    header: ropaHeader(c),
    width: Math.max(14, c.en.length + 4),
    ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(
    ropaCells(record).map((row) => row.map((cell, i) => typed(cell, ROPA_COLUMNS[i]!))),
  );
  const about = book.addWorksheet('controller');
  about.columns = [{ width: 28 }, { width: 60 }];
  about.addRows(ropaPreamble(record));
  return Buffer.from(await book.xlsx.writeBuffer());
}
