import { stringify } from 'yaml';
import { writeCsvFiles } from '../sheets/csv-files.js';
import { layoutOf, type SheetName } from '../sheets/layout.js';
import { toSheets } from '../sheets/to-sheets.js';
import { writeXlsx } from '../sheets/write-xlsx.js';
import type { StoredRegister } from '../stored-register.js';

// A stored register written out in the register's own formats. Empty lists are left out (they
// are the default) except `under: []`, which means the client's own data, not "unknown". Fields
// come in the register's order (the sheets' columns), whatever order a store gives them in, so
// that exports from either store are the same text and a register kept in git diffs cleanly.

export function registerDocument(register: StoredRegister): Record<string, unknown> {
  const out: Record<string, unknown> = { register: 1 };
  // Declared categories come first: the entrustments below may use them.
  if (register.categories?.length)
    out.categories = register.categories.map((c) => compact(c, 'categories'));
  for (const section of ['sources', 'parties', 'entrustments', 'incidents'] as const)
    if (register[section].length > 0)
      out[section] = register[section].map((r) => compact(r, section));
  return out;
}

/** Each kind of record's fields, in the register's order; a nested record's under its field. */
const ORDER: Record<string, readonly string[]> = {
  ...Object.fromEntries(
    (['sources', 'parties', 'entrustments', 'incidents', 'categories'] as const).map((name) => [
      name,
      [...new Set(layoutOf(name).columns.map((c) => c.field.split('.')[0]!))],
    ]),
  ),
  certifications: childOrder('certifications'),
  revisions: childOrder('revisions'),
  contact: ['email', 'phone', 'url'],
  memberOf: ['party', 'role'],
};

function childOrder(name: SheetName): string[] {
  const layout = layoutOf(name);
  return layout.columns.map((c) => c.field).filter((f) => f !== layout.child?.key);
}

function compact(record: object, kind: string): Record<string, unknown> {
  const order = ORDER[kind] ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const out: Record<string, unknown> = {};
  const entries = Object.entries(record).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && key !== 'under') continue;
    out[key] = Array.isArray(value)
      ? value.map((v: unknown) => (v !== null && typeof v === 'object' ? compact(v, key) : v))
      : value !== null && typeof value === 'object'
        ? compact(value, key)
        : value;
  }
  return out;
}

export const registerYaml = (register: StoredRegister) =>
  stringify(registerDocument(register), { lineWidth: 0 });

export const registerJson = (register: StoredRegister) =>
  `${JSON.stringify(registerDocument(register), null, 2)}\n`;

export const registerXlsx = (register: StoredRegister) =>
  writeXlsx(toSheets(registerDocument(register)));

export const registerCsv = (register: StoredRegister) =>
  writeCsvFiles(toSheets(registerDocument(register)));
