import { stringify } from 'yaml';
import { writeCsvFiles } from '../sheets/csv-files.js';
import { toSheets } from '../sheets/to-sheets.js';
import { writeXlsx } from '../sheets/write-xlsx.js';
import type { StoredRegister } from '../stored-register.js';

// A stored register written out in the register's own formats. Empty lists are left out (they
// are the default) except `under: []`, which means the client's own data, not "unknown".

export function registerDocument(register: StoredRegister): Record<string, unknown> {
  const out: Record<string, unknown> = { register: 1 };
  // Declared categories come first: the entrustments below may use them.
  if (register.categories?.length) out.categories = register.categories.map(compact);
  for (const section of ['sources', 'parties', 'entrustments', 'incidents'] as const)
    if (register[section].length > 0) out[section] = register[section].map(compact);
  return out;
}

function compact(record: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && key !== 'under') continue;
    out[key] = Array.isArray(value)
      ? value.map((v: unknown) => (v !== null && typeof v === 'object' ? compact(v) : v))
      : value !== null && typeof value === 'object'
        ? compact(value)
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
