import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { revisionOf } from '../../../register/audit.js';
import { BadInputError } from '../../../errors.js';
import { auditDraft, importSummary } from '../../../register/audit-summary.js';
import { readRegisters, type ImportReport, type RegisterInput } from '../../../register/import.js';
import { SECTIONS } from '../../../register/validate.js';
import { ARGS_FILE, writeBulkFiles, type BulkFiles } from './bulk-files.js';

// A first load of a large register into an empty Neo4j (cypher/README.md, "Bulk load"): the
// register is checked as an import checks it, on its own (the database it goes to is empty), and
// only a register without errors becomes files. The files appear all at once, under their final
// name, or not at all: they are written beside it and renamed.

export interface BulkLoadOptions {
  /** The directory the files go to: new, or empty. */
  out: string;
  /** Who loads, for the audit entry the load leaves. */
  actor: string;
  now?: Date;
  /** Where the files are written before they take `out`'s name (partialDirFor): given by a caller that cleans up after a thread that died. */
  partial?: string;
}

export interface BulkLoadResult {
  report: ImportReport;
  /** With no error: where the files are and what neo4j-admin is to be given. */
  files?: BulkFiles & { dir: string };
}

/** The action the load's audit entry names. */
export const BULK_LOAD_ACTION = 'bulk-load';

export async function prepareBulkLoad(
  inputs: readonly RegisterInput[],
  options: BulkLoadOptions,
): Promise<BulkLoadResult> {
  const dir = resolve(options.out);
  await refuseUnlessEmpty(dir);
  const { report, batch } = await readRegisters(null, inputs);
  if (batch === null) return { report };
  const added = SECTIONS.flatMap((section) =>
    (batch[section] as { id: string }[]).map((record) => `${section}/${record.id}`),
  );
  const lists = { added, changed: [], retired: [], removed: [] };
  const audit = auditDraft(
    options.actor,
    BULK_LOAD_ACTION,
    importSummary(batch, lists, 0),
    options.now,
    revisionOf(lists),
  );
  const partial = options.partial ?? partialDirFor(dir);
  await mkdir(partial, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new BadInputError(
      'out',
      `cannot create files beside ${dir}: ${error.code ?? error.message}`,
    );
  });
  try {
    const files = await writeBulkFiles(batch, audit, partial);
    await writeFile(join(partial, ARGS_FILE), `${files.args.join('\n')}\n`, { flag: 'wx' });
    await refuseUnlessEmpty(dir);
    await rmdir(dir).catch(() => undefined);
    await rename(partial, dir);
    return { report, files: { ...files, dir } };
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/** A new name beside `out` for the files while they are written. */
export const partialDirFor = (out: string) => {
  const dir = resolve(out);
  return join(dirname(dir), `.${basename(dir)}.partial-${randomBytes(4).toString('hex')}`);
};

async function refuseUnlessEmpty(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new BadInputError(
      'out',
      `${dir} cannot be used: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (entries.length > 0)
    throw new BadInputError(
      'out',
      `${dir} is not empty: give a new or empty directory, so no file of another load is mixed in`,
    );
}

/** neo4j-admin's command line for files in `base` (the directory as the command sees it). */
export function adminCommand(files: BulkFiles, base: string, database = 'neo4j'): string[] {
  const at = (arg: string) =>
    arg.replace(
      /^(--(?:nodes|relationships)=[A-Za-z_]+=)(.+)$/,
      (_m, head: string, file: string) => `${head}${base}/${file}`,
    );
  return ['neo4j-admin', 'database', 'import', 'full', database, ...files.args.map(at)];
}
