import { Option } from 'commander';

export const FORMATS = ['table', 'json', 'mermaid', 'dot'] as const;
export type Format = (typeof FORMATS)[number];

export const formatOption = () =>
  new Option(
    '-f, --format <format>',
    'table for a person, json for scripts, mermaid or dot to draw the chains',
  )
    .choices(FORMATS)
    .default('table');

export const tableOrJsonOption = () =>
  new Option('-f, --format <format>', 'table for a person, json for scripts')
    .choices(['table', 'json'])
    .default('table');

/** Where commands write; tests give their own. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Columns available for tables. */
  width: number;
}

export const processOutput = (): Output => ({
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  width: process.stdout.columns && process.stdout.columns > 40 ? process.stdout.columns : 120,
});

/** JSON for scripts: two-space indented, keys in the documented order, one trailing newline. */
export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
