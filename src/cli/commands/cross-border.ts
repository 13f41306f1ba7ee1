import type { Command } from 'commander';
import { crossBorder } from '../../domain/cross-border.js';
import { parseDate } from '../exit-codes.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

export function registerCrossBorder(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('cross-border')
    .description(
      "hops of a controller's chain that store or access its data abroad, and those with no transfer basis",
    )
    .requiredOption('--controller <id>', 'the controller')
    .option('--as-of <date>', 'only entrustments in force on this date', parseDate)
    .addOption(tableOrJsonOption())
    .action(async (o: { controller: string; asOf?: string; format: 'table' | 'json' }) => {
      await withStore(env, async (store) => {
        const r = await crossBorder(store, o.controller, o.asOf);
        const names = await namesOf(store, [
          r.controller,
          ...r.hops.flatMap((h) => h.path.flatMap((e) => [e.client, e.contractor])),
        ]);
        // The fields of GraphQL's CrossBorderHop: entrustments as {id, client, contractor}, parties as {id, name}.
        const hops = r.hops.map((h) => ({
          entrustment: {
            id: h.entrustment.id,
            client: partyRef(names, h.entrustment.client),
            contractor: partyRef(names, h.entrustment.contractor),
          },
          path: h.path.map((e) => ({ id: e.id })),
          link: h.link.toUpperCase(),
          stored: h.stored,
          accessed: h.accessed,
          locationUnknown: h.locationUnknown,
          possiblyIn: h.possiblyIn,
          transferBasis: h.entrustment.transferBasis ?? null,
          missingBasis: h.missingBasis,
        }));
        if (o.format === 'json')
          return output.out(
            toJson({ controller: partyRef(names, r.controller), country: r.country, hops }),
          );
        const title = `Cross-border hops in the chain of ${party(names, r.controller)} (${r.country})`;
        if (hops.length === 0)
          return output.out(
            `${title}\nNone: every hop records storage and access, all in ${r.country}.`,
          );
        const where = (h: (typeof hops)[number], countries: string[]) =>
          h.locationUnknown
            ? h.possiblyIn.length
              ? `unknown (possibly ${h.possiblyIn.join(' ')})`
              : 'unknown'
            : countries.join(' ') || '-';
        const rows = hops.map((h) => [
          party(names, h.entrustment.contractor.id),
          where(h, h.stored),
          where(h, h.accessed),
          h.transferBasis ?? (h.missingBasis ? 'MISSING' : '-'),
          h.path.map((e) => e.id).join(' → '),
        ]);
        output.out(
          `${title}\n${table(['contractor', 'stored in', 'accessed from', 'basis', 'path'], rows, output.width)}`,
        );
      });
    });
}
