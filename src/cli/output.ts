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

/**
 * The date an answer is for, for its heading. Without --as-of a command reads every entrustment,
 * ended or not: a heading that said nothing read as "today" (Takeo City's chain with MakeShop).
 * A diagram's title says it without the advice.
 */
export const asOfWords = (asOf: string | null | undefined, inPicture = false): string =>
  asOf
    ? ` as of ${asOf}`
    : inPicture
      ? ' at any date'
      : ' at any date (every entrustment, ended or not; --as-of DATE for one day)';
