import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { ImportThreads } from '../../register/worker/import-threads.js';
import { cliActor } from '../actor.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';
import { readRegisterFiles, reportProblems, summary } from './check.js';

// A bar only where a person watches and the file is large enough to wait for.
const BAR_FROM_ROWS = 20_000;

export function registerImport(program: Command, output: Output, env: Record<string, string | undefined>, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('import register files into the configured store, atomically: all of them or nothing')
    .argument('<files...>', 'register files (YAML or JSON)')
    .option('--dry-run', 'validate against the store, write nothing')
    .action(async (files: string[], options: { dryRun?: boolean }) => {
      const inputs = await readRegisterFiles(files);
      const bar = new SingleBar({ format: 'writing {bar} {value}/{total} rows', stream: process.stderr, noTTYOutput: false }, Presets.shades_classic);
      let started = false;
      const onProgress = (done: number, total: number) => {
        if (total < BAR_FROM_ROWS || !process.stderr.isTTY) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      };
      // Large files are imported in a worker thread, as by the server: a register too large for
      // its heap is then an error that says so rather than a crash.
      const threads = new ImportThreads(loadConfig(env).security.importWorkerFromBytes);
      const report = await withStore(env, (store) => threads.import(store, inputs, { dryRun: options.dryRun ?? false, onProgress, actor: cliActor(), action: 'import' }));
      if (started) bar.stop();
      reportProblems(report, output);
      if (!report.ok) {
        output.err(`nothing imported: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`);
        return setExit(EXIT.FINDINGS);
      }
      output.out(`${options.dryRun ? 'valid (dry run, nothing written)' : 'imported'}: ${summary(report)}`);
    });
}
