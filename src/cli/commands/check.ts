import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Problem } from '../../register/problems.js';
import { checkRegisters, type ImportReport, type RegisterInput } from '../../register/import.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Output } from '../output.js';

export async function readRegisterFiles(files: string[]): Promise<RegisterInput[]> {
  return Promise.all(
    files.map(async (file) => {
      try {
        return { file, text: await readFile(file, 'utf8') };
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }),
  );
}

/** `file:line: path: message`, the shape editors and CI annotations understand. */
export const formatProblem = (p: Problem, kind: 'error' | 'warning') =>
  `${p.file ?? '(document)'}${p.line ? `:${p.line}` : ''}: ${kind}: ${p.path}: ${p.message}`;

export function summary(report: ImportReport): string {
  return `${report.parties} parties, ${report.entrustments} entrustments, ${report.incidents} incidents, ${report.sources} sources`;
}

export function reportProblems(report: ImportReport, output: Output): void {
  for (const w of report.warnings) output.err(formatProblem(w, 'warning'));
  for (const e of report.errors) output.err(formatProblem(e, 'error'));
}

export function registerCheck(program: Command, output: Output, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('validate register files offline (no store): every error with file, line and path')
    .argument('<files...>', 'register files (YAML or JSON); they may refer to each other')
    .action(async (files: string[]) => {
      const report = await checkRegisters(await readRegisterFiles(files));
      reportProblems(report, output);
      if (!report.ok) {
        output.err(`${report.errors.length} error${report.errors.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`);
        return setExit(EXIT.FINDINGS);
      }
      output.out(`ok: ${summary(report)}`);
    });
}
