import type { Command } from 'commander';
import { supplyChainChanges, type SupplyChainChanges } from '../../domain/supply-chain-changes.js';
import { parseDate } from '../exit-codes.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

export function registerChanges(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('changes')
    .description(
      "what entered and left a controller's supply chain between two dates (its chain on --from against its chain on --to)",
    )
    .requiredOption('--controller <id>', 'the controller')
    .requiredOption('--from <date>', 'the earlier date', parseDate)
    .requiredOption('--to <date>', 'the later date', parseDate)
    .addOption(tableOrJsonOption())
    .action(
      async (o: { controller: string; from: string; to: string; format: 'table' | 'json' }) => {
        await withStore(env, async (store) => {
          const c = await supplyChainChanges(store, o.controller, o.from, o.to);
          const all = [...c.entered.entrustments, ...c.left.entrustments];
          const names = await namesOf(store, [
            c.controller,
            ...c.entered.parties,
            ...c.left.parties,
            ...all.flatMap((e) => [e.client, e.contractor]),
          ]);
          output.out(
            o.format === 'json' ? toJson(changesJson(c, names)) : render(c, names, output.width),
          );
        });
      },
    );
}

function changesJson(c: SupplyChainChanges, names: Map<string, string>) {
  const delta = (d: SupplyChainChanges['entered']) => ({
    parties: d.parties.map((id) => partyRef(names, id)),
    entrustments: d.entrustments.map((e) => ({
      id: e.id,
      client: e.client,
      contractor: e.contractor,
      from: e.from ?? null,
      to: e.to ?? null,
      retired: e.retired === true,
    })),
  });
  return {
    controller: partyRef(names, c.controller),
    from: c.from,
    to: c.to,
    entered: delta(c.entered),
    left: delta(c.left),
  };
}

function render(c: SupplyChainChanges, names: Map<string, string>, width: number): string {
  const title = `Supply chain of ${party(names, c.controller)}: ${c.from} → ${c.to}`;
  const list = (ids: string[]) =>
    ids.length === 0 ? 'none' : ids.map((id) => party(names, id)).join(', ');
  const head = `${title}\nparties entered: ${list(c.entered.parties)}\nparties left: ${list(c.left.parties)}`;
  const rows = [
    ...c.entered.entrustments.map((e) => ['entered', e, ''] as const),
    ...c.left.entrustments.map((e) => ['left', e, e.retired ? 'retired' : ''] as const),
  ].map(([change, e, note]) => [
    change,
    e.id,
    `${party(names, e.client)} → ${party(names, e.contractor)}`,
    `${e.from ?? 'open'} → ${e.to ?? 'open'}`,
    note,
  ]);
  if (rows.length === 0) return `${head}\nNo entrustment entered or left.\n`;
  return `${head}\n${table(['change', 'entrustment', 'client → contractor', 'period', 'note'], rows, width)}`;
}
