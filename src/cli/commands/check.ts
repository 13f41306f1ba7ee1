import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Problem } from '../../register/problems.js';
import {
  checkRegisters,
  importRegisters,
  type ImportReport,
  type RegisterInput,
} from '../../register/import.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';
import { decodeUtf8 } from '../../utf8.js';
import { NoCsvFilesError, readSheetInput } from '../sheet-files.js';

export async function readRegisterFiles(files: string[]): Promise<RegisterInput[]> {
  return Promise.all(
    files.map(async (file) => {
      try {
        const sheets = await readSheetInput(file);
        if (sheets) return sheets;
        return { file, text: decodeFile(file, await readFile(file)) };
      } catch (error) {
        if (error instanceof BadFileError) throw error;
        if (error instanceof NoCsvFilesError) throw new BadFileError(error.message);
        throw new UsageError(
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
    }),
  );
}

/** A file that cannot be read as a register: bad input (exit 1), not usage. */
export class BadFileError extends Error {}

// Invalid UTF-8 is refused with its place, not silently replaced.
function decodeFile(file: string, bytes: Buffer): string {
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid)
    throw new BadFileError(
      `${file}:${invalid.line}: error: (document): not valid UTF-8 (byte ${invalid.byte}); save the file as UTF-8`,
    );
  return text;
}

/**
 * `file:line: path: message`, the shape editors and CI annotations understand. A problem of the
 * whole import (a refused sync) has no file and no line, and says only what it is.
 */
export const formatProblem = (p: Problem, kind: 'error' | 'warning') => {
  if (p.row !== undefined || p.sheet !== undefined)
    return `${sheetPlace(p)}: ${kind}: ${p.path}: ${p.message}`;
  const place =
    p.file === undefined && p.line === undefined
      ? ''
      : `${p.file ?? '(document)'}${p.line ? `:${p.line}` : ''}: `;
  return `${place}${kind}: ${p.path}: ${p.message}`;
};

/** `book.xlsx, sheet entrustments, row 4, column F (from)`; a CSV file is its own sheet. */
function sheetPlace(p: Problem): string {
  return [
    p.file ?? '(document)',
    ...(p.sheet === undefined ? [] : [`sheet ${p.sheet}`]),
    ...(p.row === undefined ? [] : [`row ${p.row}`]),
    ...(p.column === undefined ? [] : [`column ${p.column}`]),
  ].join(', ');
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summary(report: ImportReport): string {
  return [
    count(report.parties, 'party', 'parties'),
    count(report.entrustments, 'entrustment', 'entrustments'),
    count(report.incidents, 'incident', 'incidents'),
    count(report.sources, 'source', 'sources'),
  ].join(', ');
}

export function reportProblems(report: ImportReport, output: Output): void {
  for (const w of report.warnings) output.err(formatProblem(w, 'warning'));
  for (const e of report.errors) output.err(formatProblem(e, 'error'));
}

export function registerCheck(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
  setExit: (code: number) => void,
): void {
  program
    .command('check')
    .description('validate register files offline: every error with file, line and path')
    .argument(
      '<files...>',
      'register files (YAML or JSON), .xlsx workbooks or directories of CSV files; they may refer to each other',
    )
    .option(
      '--store',
      'also accept ids already in the configured store (as import --dry-run); writes nothing',
    )
    .action(async (files: string[], options: { store?: boolean }) => {
      const inputs = await readRegisterFiles(files);
      const report = options.store
        ? await withStore(env, (store) => importRegisters(store, inputs, { dryRun: true }))
        : await checkRegisters(inputs);
      reportProblems(report, output);
      if (!report.ok) {
        output.err(
          `${count(report.errors.length, 'error', 'errors')} in ${count(files.length, 'file', 'files')}`,
        );
        return setExit(EXIT.FINDINGS);
      }
      output.out(`ok: ${summary(report)}`);
    });
}
