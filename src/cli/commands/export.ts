import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import {
  registerCsv,
  registerJson,
  registerXlsx,
  registerYaml,
} from '../../register/export/documents.js';
import { fidesManifest } from '../../register/export/fides.js';
import { storedRegister } from '../../register/stored-register.js';
import { UsageError } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';

const EXPORT_FORMATS = ['yaml', 'json', 'xlsx', 'csv', 'fides'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function registerExport(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('export')
    .description(
      'write the stored register (or one controller’s chain) as a register that imports back as the same records',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'yaml or json (a document), xlsx (a workbook), csv (a directory), fides (fideslang system manifests)',
      )
        .choices(EXPORT_FORMATS)
        .default('yaml'),
    )
    .option('--controller <id>', 'only this controller’s chain, with every party it names')
    .option(
      '--out <path>',
      'the file (a directory for csv) to write; yaml and json default to stdout',
    )
    .action(async (o: { format: ExportFormat; controller?: string; out?: string }) => {
      if ((o.format === 'xlsx' || o.format === 'csv') && o.out === undefined)
        throw new UsageError(
          `--format ${o.format} needs --out (a ${o.format === 'csv' ? 'directory' : 'file'})`,
        );
      const register = await withStore(env, (store) => storedRegister(store, o.controller));
      const counts = `${register.parties.length} parties, ${register.entrustments.length} entrustments, ${register.incidents.length} incidents, ${register.sources.length} sources`;
      if (o.format === 'csv') {
        const files = registerCsv(register);
        await refuseOtherCsv(o.out!, new Set(files.map((f) => f.name)));
        await mkdir(o.out!, { recursive: true });
        for (const { name, text } of files) await writeFile(join(o.out!, name), text);
      } else {
        const body =
          o.format === 'xlsx'
            ? await registerXlsx(register)
            : o.format === 'json'
              ? registerJson(register)
              : o.format === 'fides'
                ? fidesManifest(register)
                : registerYaml(register);
        if (o.out === undefined) return output.out(body as string);
        await writeFile(o.out, body);
      }
      output.err(`exported ${counts} to ${o.out}`);
    });
}

// Exporting over an earlier export replaces its files, which is how a directory kept in git is
// refreshed; a CSV file export does not write (当事者.csv, old.csv) would be read with the
// directory as a sheet of its own, so the directory would no longer be this register.
async function refuseOtherCsv(dir: string, written: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR')
      throw new UsageError(`--out ${dir} is a file: --format csv writes a directory`);
    throw error;
  }
  const others = names.filter((n) => n.toLowerCase().endsWith('.csv') && !written.has(n));
  if (others.length > 0)
    throw new UsageError(
      `--out ${dir} holds CSV files that export does not write (${others.join(', ')}): they would be read as sheets of the register; remove them or choose another directory`,
    );
}
