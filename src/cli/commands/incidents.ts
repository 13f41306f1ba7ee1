import { Option, type Command } from 'commander';
import { listIncidents, MAX_INCIDENTS_PAGE } from '../../domain/incident-list.js';
import type { Incident } from '../../domain/model.js';
import { parsePositive } from '../exit-codes.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

/** A count the register does not have is said, never shown as 0. */
export const NOT_RECORDED = 'not recorded';

export function registerIncidents(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('incidents')
    .description(
      'every incident in the register, newest first (by from, else detected): the ids impact, obligations and notify take',
    )
    .option('--party <id>', 'only incidents at this party (and at the services it operates)')
    .addOption(
      new Option('--first <n>', `how many, 1 to ${MAX_INCIDENTS_PAGE}`)
        .argParser(parsePositive)
        .default(50),
    )
    .option('--after <id>', 'the next page: incidents after this one (the last id shown)')
    .addOption(tableOrJsonOption())
    .action(
      async (o: { party?: string; first: number; after?: string; format: 'table' | 'json' }) => {
        await withStore(env, async (store) => {
          const list = await listIncidents(store, o);
          const names = await namesOf(
            store,
            list.map((i) => i.party),
          );
          if (o.format === 'json')
            return output.out(
              toJson(
                list.map((i) => ({
                  id: i.id,
                  party: partyRef(names, i.party),
                  kind: i.kind,
                  from: i.from ?? null,
                  to: i.to ?? null,
                  detected: i.detected ?? null,
                  records: i.records ?? null,
                  data: i.data,
                })),
              ),
            );
          if (list.length === 0)
            return output.out(
              o.after ? `No incidents after ${o.after}.` : 'No incidents in the register.',
            );
          // Few columns: the id is what the other commands take, and must never be cut.
          const rows = list.map((i) => [
            i.id,
            when(i),
            party(names, i.party),
            i.kind,
            i.records === undefined ? NOT_RECORDED : i.records.toLocaleString('en'),
          ]);
          const more =
            list.length === o.first
              ? `\n(more may follow: --after ${list[list.length - 1]!.id})`
              : '';
          output.out(
            `${table(['incident', 'when', 'party', 'kind', 'records'], rows, output.width, [0])}${more}`,
          );
        });
      },
    );
}

/** The window if the register has it, else the dates it has, named. */
function when(i: Incident): string {
  if (i.from) return i.to ? `${i.from} → ${i.to}` : `from ${i.from}`;
  if (i.to) return `until ${i.to}`;
  if (i.detected) return `detected ${i.detected}`;
  return i.announced ? `announced ${i.announced}` : 'not recorded';
}
