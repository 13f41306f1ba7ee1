import { resolve } from 'node:path';
import { checkBulkLoad } from '../register/bulk-load.js';
import type { ImportReport, RegisterInput } from '../register/import.js';
import type { BulkFiles } from '../store/neo4j/bulk/bulk-files.js';
import { partialDirFor, refuseUnlessEmpty, writeBulkLoad } from '../store/neo4j/bulk/prepare.js';

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

/**
 * neo4j-csv's work: a register checked for a first load into an empty Neo4j and, without errors,
 * written as neo4j-admin's files. `out` is checked first, before minutes of reading a large register.
 */
export async function prepareBulkLoad(
  inputs: readonly RegisterInput[],
  options: BulkLoadOptions,
): Promise<BulkLoadResult> {
  const dir = resolve(options.out);
  await refuseUnlessEmpty(dir);
  const { report, load } = await checkBulkLoad(inputs, options.actor, options.now);
  if (!load) return { report };
  const partial = options.partial ?? partialDirFor(dir);
  return { report, files: await writeBulkLoad(load.batch, load.audit, dir, partial) };
}
