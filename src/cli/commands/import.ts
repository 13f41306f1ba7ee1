import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { importRegisters } from '../../register/import.js';
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
      const report = await withStore(env, (store) => importRegisters(store, inputs, { dryRun: options.dryRun ?? false, onProgress, actor: cliActor(), action: 'import' }));
      if (started) bar.stop();
      reportProblems(report, output);
      if (!report.ok) {
        output.err(`nothing imported: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`);
        return setExit(EXIT.FINDINGS);
      }
      output.out(`${options.dryRun ? 'valid (dry run, nothing written)' : 'imported'}: ${summary(report)}`);
    });
}
