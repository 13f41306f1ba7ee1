import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { recordOfProcessing } from '../../domain/record-of-processing.js';
import { ropaCsv, ropaMarkdown, ropaXlsx } from '../../filings/ropa-render.js';
import { parseDate, UsageError } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';

export function registerRopa(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('ropa')
    .description(
      'the record of processing (GDPR Art. 30; 委託先一覧) of a controller: every processor and sub-processor holding its data',
    )
    .requiredOption('--controller <id>', 'the controller')
    .option('--as-of <date>', 'only entrustments in force on this date', parseDate)
    .addOption(
      new Option('-f, --format <format>', 'md (a page), csv or xlsx (for the officer to complete)')
        .choices(['md', 'csv', 'xlsx'])
        .default('md'),
    )
    .option('--out <file>', 'write to this file (xlsx needs one); default stdout')
    .action(async (o: { controller: string; asOf?: string; format: string; out?: string }) => {
      if (o.format === 'xlsx' && o.out === undefined)
        throw new UsageError('--format xlsx needs --out (a file)');
      const record = await withStore(env, (store) =>
        recordOfProcessing(store, o.controller, o.asOf),
      );
      const body =
        o.format === 'xlsx'
          ? await ropaXlsx(record)
          : o.format === 'csv'
            ? ropaCsv(record)
            : ropaMarkdown(record);
      if (o.out === undefined) return output.out(body as string);
      await writeFile(o.out, body);
      output.err(`written: ${o.out} (${record.rows.length} rows)`);
    });
}
