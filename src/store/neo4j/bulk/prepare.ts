import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { RegisterBatch } from '../../../domain/model.js';
import { BadInputError } from '../../../errors.js';
import type { AuditDraft } from '../../../register/audit.js';
import { ARGS_FILE, writeBulkFiles, type BulkFiles } from './bulk-files.js';

// A first load of a large register into an empty Neo4j (cypher/README.md, "Bulk load"): the
// files appear all at once, under their final name, or not at all: they are written beside it
// and renamed.

/**
 * Writes the batch and its audit entry as neo4j-admin's files in `dir` (new, or empty), by way of
 * `partial` (partialDirFor), which is removed however it ends.
 */
export async function writeBulkLoad(
  batch: RegisterBatch,
  audit: AuditDraft,
  dir: string,
  partial: string,
): Promise<BulkFiles & { dir: string }> {
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
    return { ...files, dir };
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/** A new name beside `out` for the files while they are written. */
export const partialDirFor = (out: string) => {
  const dir = resolve(out);
  return join(dirname(dir), `.${basename(dir)}.partial-${randomBytes(4).toString('hex')}`);
};

/** Refuses a directory with anything in it (so no file of another load is mixed in). */
export async function refuseUnlessEmpty(dir: string): Promise<void> {
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
