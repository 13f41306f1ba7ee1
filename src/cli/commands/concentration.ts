import { Option, type Command } from 'commander';
import { concentration, type ConcentrationRow } from '../../domain/concentration.js';
import { parseDate, parsePositive } from '../exit-codes.js';
import { asOfWords, tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

export function registerConcentration(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('concentration')
    .description(
      'parties ranked by how many controllers a leak at them would reach: the single points of failure',
    )
    .option('--as-of <date>', 'only entrustments in force on this date', parseDate)
    .addOption(new Option('--first <n>', 'how many to show').argParser(parsePositive).default(20))
    .addOption(tableOrJsonOption())
    .action(async (o: { asOf?: string; first: number; format: 'table' | 'json' }) => {
      await withStore(env, async (store) => {
        const rows = await concentration(store, o.asOf, o.first);
        const names = await namesOf(
          store,
          rows.map((r) => r.party),
        );
        if (o.format === 'json')
          return output.out(toJson(rows.map((r) => ({ ...r, party: partyRef(names, r.party) }))));
        const body = rows.map((r, i) => [
          i + 1,
          party(names, r.party),
          r.controllers,
          recordsCell(r),
          r.entrustments,
        ]);
        output.out(
          `Concentration${asOfWords(o.asOf)}\n${table(['#', 'party', 'controllers', 'records in', 'entrustments in'], body, output.width)}`,
        );
      });
    });
}

/** Unknown is not zero: a count no entrustment records is said so, and a partial sum says so too. */
export function recordsCell(r: ConcentrationRow): string {
  if (r.recordsUnknown === 0) return r.records.toLocaleString('en');
  if (r.recordsUnknown === r.entrustments) return 'records not recorded';
  return `${r.records.toLocaleString('en')} + ${r.recordsUnknown} not recorded`;
}
