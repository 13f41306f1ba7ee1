import type { Command } from 'commander';
import { crossBorder } from '../../domain/cross-border.js';
import { parseDate } from '../exit-codes.js';
import { asOfWords, tableOrJsonOption, toJson, type Output } from '../output.js';
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
        // A hop whose location is not recorded is not known to cross a border: counted apart.
        const abroad = hops.filter((h) => !h.locationUnknown);
        const unknown = hops.filter((h) => h.locationUnknown);
        if (o.format === 'json')
          return output.out(
            toJson({
              controller: partyRef(names, r.controller),
              country: r.country,
              hops,
              crossBorderCount: r.crossBorderCount,
              locationNotRecordedCount: r.locationNotRecordedCount,
            }),
          );
        const title = `Cross-border hops in the chain of ${party(names, r.controller)} (${r.country})${asOfWords(o.asOf)}`;
        const counts = `${plural(r.crossBorderCount, 'cross-border hop')}; ${plural(r.locationNotRecordedCount, 'hop')} whose storage location is not recorded`;
        if (hops.length === 0)
          return output.out(
            `${title}: ${counts}\nEvery hop records storage and access, all in ${r.country}.`,
          );
        const basis = (h: (typeof hops)[number]) =>
          h.transferBasis ?? (h.missingBasis ? 'MISSING' : '-');
        const path = (h: (typeof hops)[number]) => h.path.map((e) => e.id).join(' → ');
        const sections = [`${title}: ${counts}`];
        if (abroad.length)
          sections.push(
            table(
              ['contractor', 'stored in', 'accessed from', 'basis', 'path'],
              abroad.map((h) => [
                party(names, h.entrustment.contractor.id),
                h.stored.join(' ') || '-',
                h.accessed.join(' ') || '-',
                basis(h),
                path(h),
              ]),
              output.width,
            ),
          );
        if (unknown.length)
          sections.push(
            `Storage location not recorded (not counted as cross-border):\n${table(
              ['contractor', 'possibly in', 'basis', 'path'],
              unknown.map((h) => [
                party(names, h.entrustment.contractor.id),
                h.possiblyIn.join(' ') || '-',
                basis(h),
                path(h),
              ]),
              output.width,
            )}`,
          );
        output.out(sections.join('\n'));
      });
    });
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
