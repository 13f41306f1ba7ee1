import ExcelJS from 'exceljs';
const [src, out, ...edits] = process.argv.slice(2);
const book = new ExcelJS.Workbook();
await book.xlsx.readFile(src);
for (const e of edits) {
  const [sheet, addr, ...rest] = e.split('=')[0].split('!');
  const value = e.slice(e.indexOf('=') + 1);
  const ws = book.getWorksheet(sheet);
  ws.getCell(addr).value = value === '' ? null : value.startsWith('D:') ? new Date(value.slice(2)) : value;
}
await book.xlsx.writeFile(out);
