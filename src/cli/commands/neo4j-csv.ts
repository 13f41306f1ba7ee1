import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import type { Command } from 'commander';
import { ImportWorker } from '../../worker/import-worker.js';
import { adminCommand, partialDirFor, refuseUnlessEmpty } from '../../store/neo4j/bulk/prepare.js';
import type { BulkLoadOptions, BulkLoadResult } from '../../worker/bulk-load.js';
import type { RegisterInput } from '../../register/import.js';
import { cliActor } from '../actor.js';
import { loadConfig } from '../../config.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { readRegisterFiles, reportProblems, summary } from './check.js';

/** An argument as a POSIX shell reads it back: quoted only when it must be. */
const shellWord = (arg: string) =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;

export function registerNeo4jCsv(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
  setExit: (code: number) => void,
): void {
  program
    .command('neo4j-csv')
    .description(
      'first load of a large register into an empty Neo4j: check the files, then write them as CSV for neo4j-admin database import (much faster than import)',
    )
    .argument(
      '<files...>',
      'register files (YAML or JSON); they may refer to each other, and to nothing else',
    )
    .requiredOption('--out <dir>', 'a new or empty directory for the CSV files')
    .action(async (files: string[], options: { out: string }) => {
      // A directory that cannot take the files is refused here, before a thread is started for
      // the register (the thread checks again: it writes there).
      await refuseUnlessEmpty(resolve(options.out));
      const inputs = await readRegisterFiles(files);
      const config = loadConfig(env);
      const { report, files: written } = await prepareInWorker(inputs, {
        out: options.out,
        actor: cliActor(config.cliUser),
        now: config.lifecycle.now(),
      });
      reportProblems(report, output);
      if (!written) {
        output.err(
          `no files written: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`,
        );
        return setExit(EXIT.FINDINGS);
      }
      const line = (base: string) => adminCommand(written, base).map(shellWord).join(' ');
      output.out(
        `written: ${summary(report)}, as ${written.nodes} nodes and ${written.relationships} relationships in ${written.dir}`,
      );
      output.out(
        'Load them into an empty database with Neo4j stopped (neo4j-admin refuses a database that exists):',
      );
      output.out(
        `  docker compose run --rm --no-deps -v ${shellWord(`${written.dir}:/bulk:ro`)} neo4j ${line('/bulk')}`,
      );
      output.out(`  or, with Neo4j installed here: ${line(written.dir)}`);
      output.out(
        'Then start Neo4j and vendor-chain (STORE=neo4j): it creates the indexes at its first start.',
      );
    });
}

/**
 * A young generation this large: a million records make garbage faster than the default (16 MiB
 * semi-spaces) sweeps it.
 */
const YOUNG_GENERATION_MB = 192;

// In a worker thread for its heap settings, which a running thread cannot change. A thread that
// dies (out of memory) cannot clean up after itself: the files it had begun are removed here.
export async function prepareInWorker(
  inputs: RegisterInput[],
  options: BulkLoadOptions,
  limits: ResourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
): Promise<BulkLoadResult> {
  const worker = new ImportWorker(
    limits,
    'give Node more memory, as in NODE_OPTIONS=--max-old-space-size=8192 vendor-chain neo4j-csv …',
  );
  const partial = partialDirFor(options.out);
  try {
    return await worker.bulkLoad(inputs, { ...options, partial });
  } finally {
    await worker.finish();
    await rm(partial, { recursive: true, force: true });
  }
}
