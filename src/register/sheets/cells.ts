import type { Column } from './layout.js';

// One cell to one register value and back. A cell that cannot be read as its column's kind is
// passed on as written, so that the register's validator says what is wrong with it, in the same
// words as for YAML; only what a cell alone can get wrong (a list's JSON form) is said here.

/** A cell as the readers give it: typed in a workbook, always text in a CSV file. */
export type CellValue = string | number | boolean | Date | null;

const TRUE = new Set(['true', 'yes', 'y', '1', 'はい', '有', 'あり', '済']);
const FALSE = new Set(['false', 'no', 'n', '0', 'いいえ', '無', 'なし', '未']);
const LIST_SEPARATOR = /;|\r?\n/;

export type Read = { value: unknown } | { problem: string } | null;

/** The register value a cell holds for its column; null for an empty cell (the field is absent). */
export function readCell(column: Column, cell: CellValue): Read {
  if (cell === null) return null;
  if (typeof cell === 'string' && cell.trim() === '') return null;
  switch (column.kind) {
    case 'date':
      return {
        value:
          cell instanceof Date ? isoDay(cell) : typeof cell === 'string' ? slashed(cell) : cell,
      };
    case 'count':
      return {
        value:
          typeof cell === 'string' && /^\s*[\d,]+\s*$/.test(cell)
            ? Number(cell.replace(/[,\s]/g, ''))
            : cell,
      };
    case 'boolean':
      return { value: readBoolean(cell) };
    case 'list':
      return readList(cell);
    case 'members': {
      const list = readList(cell);
      return 'problem' in list ? list : { value: (list.value as string[]).map(member) };
    }
    default:
      return { value: readText(column, cell) };
  }
}

function readText(column: Column, cell: Exclude<CellValue, null>): unknown {
  if (column.prose && typeof cell === 'string') return cell;
  const text = cell instanceof Date ? isoDay(cell) : String(cell).trim();
  return column.valueAliases?.[text] ?? text;
}

function readBoolean(cell: Exclude<CellValue, null>): unknown {
  if (typeof cell === 'boolean') return cell;
  const text = String(cell).trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return cell;
}

// "[...]" is a JSON array of strings: the way to write items that hold ";" or a new line, or an
// empty list where empty and absent differ (under: [] is the client's own data).
function readList(cell: Exclude<CellValue, null>): { value: unknown } | { problem: string } {
  const text = cell instanceof Date ? isoDay(cell) : String(cell).trim();
  if (text.startsWith('[')) {
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch {
      list = undefined;
    }
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
      return {
        problem: `a cell that starts with "[" must be a JSON list of strings like ["a", "b"] (or write the items separated by ";")`,
      };
    return { value: list };
  }
  return {
    value: text
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  };
}

function member(item: string): { party: string; role?: string } {
  const colon = item.indexOf(':');
  if (colon < 0) return { party: item };
  const role = item.slice(colon + 1).trim();
  return { party: item.slice(0, colon).trim(), ...(role === '' ? {} : { role }) };
}

// Japanese offices often write 2024/4/1 (and Excel shows dates so): read as 2024-04-01.
function slashed(text: string): string {
  const m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text.trim();
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The cell a register value is written as; dates stay YYYY-MM-DD text (the writer types them). */
export function writeCell(column: Column, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (column.kind === 'list') return writeList(value as string[], column.field === 'under');
  if (column.kind === 'members')
    return writeList(
      (value as Array<{ party: string; role?: string }>).map((m) =>
        m.role === undefined ? m.party : `${m.party}:${m.role}`,
      ),
      false,
    );
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

// Items joined by "; " unless one would not read back the same: then the JSON form.
function writeList(items: readonly string[], emptyMatters: boolean): string | null {
  if (items.length === 0) return emptyMatters ? '[]' : null;
  const plain = items.every(
    (item) =>
      item !== '' && item === item.trim() && !LIST_SEPARATOR.test(item) && !item.startsWith('['),
  );
  return plain ? items.join('; ') : JSON.stringify(items);
}
