import { fideslangKeys, fideslangReplacements } from '../../domain/taxonomy/fideslang.js';
import { LAYOUTS } from './layout.js';
import { toSheets } from './to-sheets.js';
import { writeXlsx } from './write-xlsx.js';

// An empty register workbook for a person to fill in: instructions first, then every sheet.

const README = [
  'vendor-chain register workbook (register format 1)',
  '',
  'One sheet per section of the register; the first row names the columns (the register field names; Japanese headers such as 名称, 委託元, 委託先, 開始日, 終了日, 再委託 are accepted too).',
  'Each row below is one record. Leave a cell empty when you do not know the value.',
  'Lists (aka, purposes, data, subjects, storage, access, approvedBy, sources, under): several values in one cell, separated by ";" or new lines.',
  'under: the entrustments this one performs; empty = unknown (the link is inferred); [] = the client’s own data (the client is the controller).',
  'memberOf: consortia and committees, as party or party:role, separated by ";".',
  'Dates: date cells, or text like 2024-04-01. Periods are [from, to): to is the first day after.',
  'certifications: one row per certification, naming its party. revisions: one row per corrected count, naming its incident.',
  'categories: data categories you declare beyond the fideslang taxonomy (id, parent, name).',
  'The drop-downs offer the allowed values; the data column suggests fideslang categories (several may share a cell).',
  '',
  'Check it:   vendor-chain check FILE.xlsx      (every error names the sheet, row and column)',
  'Import it:  vendor-chain import FILE.xlsx     (all of it or nothing)',
  '',
  ...LAYOUTS.map(
    (l) =>
      `${l.name}: ${l.columns.map((c) => (c.aliases.length ? `${c.field} (${c.aliases.join(', ')})` : c.field)).join(', ')}`,
  ),
];

export function templateXlsx(): Promise<Buffer> {
  return writeXlsx(toSheets({ register: 1 }), {
    readme: README,
    categories: taxonomyKeys(),
    blankRows: 1000,
  });
}

/** The fideslang data category keys in use (deprecated ones left out), for the drop-down. */
function taxonomyKeys(): string[] {
  const deprecated = new Set(fideslangReplacements.map(([old]) => old));
  return fideslangKeys.filter((key) => key.startsWith('user') && !deprecated.has(key)).sort();
}
