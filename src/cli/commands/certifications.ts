import type { Command } from 'commander';
import { certificationAlerts } from '../../domain/certifications.js';
import { today } from '../../domain/dates.js';
import { parseDate } from '../exit-codes.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, sourceRefsOf, withStore } from '../store-session.js';

export function registerCertifications(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('certifications')
    .description(
      "Privacy Mark or ISMS suspended or revoked in a controller's chain (and its own) on a date",
    )
    .requiredOption('--controller <id>', 'the controller')
    .option('--as-of <date>', 'the date (default: today)', parseDate)
    .addOption(tableOrJsonOption())
    .action(async (o: { controller: string; asOf?: string; format: 'table' | 'json' }) => {
      await withStore(env, async (store) => {
        const asOf = o.asOf ?? today();
        const alerts = await certificationAlerts(store, o.controller, asOf);
        const names = await namesOf(
          store,
          alerts.map((a) => a.party),
        );
        if (o.format === 'json') {
          const sources = await sourceRefsOf(
            store,
            alerts.flatMap((a) => a.sources),
          );
          const alertJson = (a: (typeof alerts)[number]) => ({
            ...a,
            party: partyRef(names, a.party),
            since: a.since ?? null,
            until: a.until ?? null,
            note: a.note ?? null,
            sources: a.sources.map((id) => sources.get(id) ?? { id, url: null, title: null }),
          });
          return output.out(toJson(alerts.map(alertJson)));
        }
        if (alerts.length === 0)
          return output.out(
            `No suspended or revoked certification in the chain of ${o.controller} on ${asOf}.`,
          );
        const rows = alerts.map((a) => [
          a.depth,
          party(names, a.party),
          a.scheme,
          a.status,
          a.since ?? '?',
          a.until ?? '(still)',
          a.sources.join(' '),
        ]);
        output.out(
          `Certifications in the chain of ${o.controller} on ${asOf}\n${table(['depth', 'party', 'scheme', 'status', 'since', 'until', 'sources'], rows, output.width)}`,
        );
      });
    });
}
