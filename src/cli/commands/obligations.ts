import type { Command } from 'commander';
import { breachObligations } from '../../domain/breach-obligations.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

export function registerObligations(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('obligations')
    .description(
      'breach-report deadlines for every controller an incident reaches (APPI; GDPR in the EU/EEA)',
    )
    .requiredOption('--incident <id>', 'the incident')
    .addOption(tableOrJsonOption())
    .action(async (o: { incident: string; format: 'table' | 'json' }) => {
      await withStore(env, async (store) => {
        const b = await breachObligations(store, o.incident);
        const names = await namesOf(
          store,
          b.controllers.map((c) => c.controller.party),
        );
        const controllers = b.controllers.map((c) => ({
          party: partyRef(names, c.controller.party),
          aware: c.controller.aware,
          clockStarted: c.clockStarted,
          obligations: c.obligations,
        }));
        if (o.format === 'json')
          return output.out(
            toJson({ incident: b.incident, detected: b.detected ?? null, controllers }),
          );
        const rows = controllers.flatMap((c) =>
          c.obligations.map((ob) => [
            party(names, c.party.id),
            `${ob.law}${ob.required ? '' : ' (not required)'}`,
            ob.triggers.join(' ') || '-',
            c.clockStarted
              ? ob.deadlines.map((d) => `${d.kind}: ${d.due ?? '?'}`).join('\n')
              : 'UNAWARE: nobody will start its clock',
          ]),
        );
        output.out(
          `Breach obligations for ${b.incident} (detected ${b.detected ?? 'unknown'})\n${table(['controller', 'law', 'triggers', 'deadlines'], rows, output.width)}`,
        );
      });
    });
}
