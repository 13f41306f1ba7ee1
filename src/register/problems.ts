// A problem at one place in a register document. `path` reads like the document
// (`entrustments[3].from`); `line` is added once, at the end, from the parsed text.

export interface Problem {
  path: string;
  message: string;
  line?: number;
  /** The file the problem is in, when several files are checked or imported together. */
  file?: string;
  /** In a workbook: the sheet; with row and column, where a spreadsheet shows the value. */
  sheet?: string;
  /** In a workbook or CSV file: the 1-based row, as a spreadsheet numbers it. */
  row?: number;
  /** In a workbook or CSV file: the column's letter and header, e.g. F (from). */
  column?: string;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(document)' : out;
}

export class ProblemList {
  readonly items: Array<Problem & { at: PathSegment[] }> = [];

  add(at: readonly PathSegment[], message: string): void {
    this.items.push({ at: [...at], path: formatPath(at), message });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }
}
