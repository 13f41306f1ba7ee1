import { writeCell } from './cells.js';
import { LAYOUTS, type SheetLayout } from './layout.js';

// A register document to sheets: every sheet of the layout, in its order, even when empty (a
// workbook to fill in has them all), with the register's field names as the header row.

export type OutCell = string | number | boolean | null;

export interface OutSheet {
  layout: SheetLayout;
  rows: OutCell[][];
}

type Doc = Record<string, unknown>;

export function toSheets(register: Doc): OutSheet[] {
  return LAYOUTS.map((layout) => {
    const child = layout.child;
    const records: Doc[] = child
      ? list(register[child.of]).flatMap((owner) =>
          list(owner[child.field]).map((record) => ({ ...record, [child.key]: owner.id })),
        )
      : list(register[layout.name]);
    return {
      layout,
      rows: records.map((record) =>
        layout.columns.map((column) => writeCell(column, fieldOf(record, column.field))),
      ),
    };
  });
}

const list = (value: unknown): Doc[] => (Array.isArray(value) ? (value as Doc[]) : []);

function fieldOf(record: Doc, field: string): unknown {
  const dot = field.indexOf('.');
  if (dot < 0) return record[field];
  const outer = record[field.slice(0, dot)] as Doc | undefined;
  return outer?.[field.slice(dot + 1)];
}
