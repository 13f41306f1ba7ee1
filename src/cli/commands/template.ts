import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { templateXlsx } from '../../register/sheets/template.js';
import type { Output } from '../output.js';

export function registerTemplate(program: Command, output: Output): void {
  program
    .command('template')
    .description(
      'write an empty register workbook to fill in: a README sheet, drop-downs for enumerations and data categories, date cells',
    )
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .action(async (o: { out: string }) => {
      await writeFile(o.out, await templateXlsx());
      output.out(`written: ${o.out} (check it with vendor-chain check ${o.out})`);
    });
}
