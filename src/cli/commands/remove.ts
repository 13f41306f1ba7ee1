import type { Command } from 'commander';
import { describeReference, removeRecords } from '../../register/remove.js';
import { cliActor } from '../actor.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';

type Ids = { entrustment?: string[]; party?: string[]; incident?: string[]; source?: string[] };

export function registerRemove(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
  setExit: (code: number) => void,
): void {
  program
    .command('remove')
    .description(
      'delete records imported by mistake, atomically; refused while other records refer to them (an ended entrustment belongs to import --sync, which keeps it)',
    )
    .option('--entrustment <ids...>', 'entrustment ids')
    .option('--party <ids...>', 'party ids')
    .option('--incident <ids...>', 'incident ids')
    .option('--source <ids...>', 'source ids')
    .action(async (o: Ids) => {
      const ids = {
        entrustments: o.entrustment ?? [],
        parties: o.party ?? [],
        incidents: o.incident ?? [],
        sources: o.source ?? [],
      };
      const report = await withStore(env, (store, config) =>
        removeRecords(store, ids, {
          actor: cliActor(config.cliUser),
          action: 'remove',
          now: config.lifecycle.now(),
        }),
      );
      if (report.missing.length > 0)
        output.err(`not found (nothing to remove): ${report.missing.join(', ')}`);
      if (!report.ok) {
        const n = report.dependants.length;
        output.err(
          `refused, nothing removed: ${n === 1 ? '1 reference' : `${n} references`} to what would go; remove the records that refer too, or fix them first:`,
        );
        for (const r of report.dependants) output.err(`  ${describeReference(r)}`);
        return setExit(EXIT.FINDINGS);
      }
      output.out(
        report.removed.length === 0
          ? 'nothing removed'
          : `removed: ${report.removed.join(', ')}\nrevision ${report.revision}`,
      );
    });
}
