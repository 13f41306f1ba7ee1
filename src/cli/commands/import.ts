import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { ImportReport } from '../../register/import.js';
import { parseScope } from '../../register/sync.js';
import { ImportThreads } from '../../register/worker/import-threads.js';
import { cliActor } from '../actor.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';
import { readRegisterFiles, reportProblems, summary } from './check.js';

// A bar only where a person watches and the file is large enough to wait for.
const BAR_FROM_ROWS = 20_000;

export function registerImport(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
  setExit: (code: number) => void,
): void {
  program
    .command('import')
    .description(
      'import register files into the configured store, atomically: all of them or nothing',
    )
    .argument(
      '<files...>',
      'register files (YAML or JSON), .xlsx workbooks or directories of CSV files',
    )
    .option('--dry-run', 'validate against the store (and plan the sync), write nothing')
    .option(
      '--sync <scope>',
      'the files are the whole truth for this scope (a name you choose): entrustments it held that they no longer list are ended today and marked retired, never deleted',
    )
    .option(
      '--force',
      'with --sync: retire even more than SYNC_RETIRE_LIMIT_PERCENT (default 20) of the scope',
    )
    .action(
      async (files: string[], options: { dryRun?: boolean; sync?: string; force?: boolean }) => {
        const scope = options.sync === undefined ? undefined : parseScope(options.sync);
        const inputs = await readRegisterFiles(files);
        const bar = new SingleBar(
          {
            format: 'writing {bar} {value}/{total} rows',
            stream: process.stderr,
            noTTYOutput: false,
          },
          Presets.shades_classic,
        );
        let started = false;
        const onProgress = (done: number, total: number) => {
          if (total < BAR_FROM_ROWS || !process.stderr.isTTY) return;
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        };
        // Large files are imported in a worker thread, as by the server: a register too large for
        // its heap is then an error that says so rather than a crash.
        const report = await withStore(env, (store, config) =>
          new ImportThreads(config.security.importWorkerFromBytes).import(store, inputs, {
            dryRun: options.dryRun ?? false,
            onProgress,
            actor: cliActor(config.cliUser),
            action: 'import',
            now: config.lifecycle.now(),
            ...(scope === undefined
              ? {}
              : {
                  sync: scope,
                  force: options.force ?? false,
                  retireLimitPercent: config.lifecycle.retireLimitPercent,
                }),
          }),
        );
        if (started) bar.stop();
        reportProblems(report, output);
        if (!report.ok) {
          output.err(
            `nothing imported: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`,
          );
          return setExit(EXIT.FINDINGS);
        }
        output.out(
          `${options.dryRun ? 'valid (dry run, nothing written)' : 'imported'}: ${summary(report)}`,
        );
        if (report.sync)
          output.out(syncLine(report.sync, report.entrustments, options.dryRun ?? false));
        if (report.revision) output.out(`revision ${report.revision}`);
      },
    );
}

function syncLine(
  plan: NonNullable<ImportReport['sync']>,
  listed: number,
  dryRun: boolean,
): string {
  const holds = `${dryRun ? 'would hold' : 'holds'} ${listed} entrustment${listed === 1 ? '' : 's'}`;
  if (plan.held === 0) return `sync ${plan.scope}: a new scope; it ${holds}`;
  const retired = `${dryRun ? 'would retire' : 'retired'} ${plan.retire.length} of the ${plan.held} it held${plan.retire.length ? ` (${plan.retire.join(', ')})` : ''}`;
  return `sync ${plan.scope}: ${retired}; it ${holds}`;
}
