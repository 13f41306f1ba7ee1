import type { Command } from 'commander';
import { groupExposure } from '../../domain/group-exposure.js';
import { parseDate } from '../exit-codes.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

export function registerGroup(program: Command, output: Output, env: Record<string, string | undefined>): void {
  program
    .command('group')
    .description("a corporate group's members and services, the controllers whose data they hold, and its incident history")
    .requiredOption('--party <id>', 'any member of the group, or a service one of them runs')
    .option('--as-of <date>', 'only entrustments in force on this date', parseDate)
    .addOption(tableOrJsonOption())
    .action(async (o: { party: string; asOf?: string; format: 'table' | 'json' }) => {
      await withStore(env, async (store) => {
        const g = await groupExposure(store, o.party, o.asOf);
        const names = await namesOf(store, [g.group, ...g.controllers.flatMap((c) => [c.party, ...c.through])]);
        const incidents = g.incidents.map((i) => ({ id: i.id, party: i.party, kind: i.kind, from: i.from ?? null, to: i.to ?? null, announced: i.announced ?? null, records: i.records ?? null, revisions: i.revisions.length }));
        if (o.format === 'json') {
          const ref = (p: { id: string; name: string }) => ({ id: p.id, name: p.name });
          return output.out(toJson({ group: partyRef(names, g.group), members: g.members.map(ref), services: g.services.map(ref), controllers: g.controllers, incidents }));
        }
        const lines = [
          `Group of ${party(names, g.group)}: ${g.members.length} members, services ${g.services.map((s) => s.name).join(', ') || 'none'}`,
          table(['controller', 'through'], g.controllers.map((c) => [party(names, c.party), c.through.map((t) => party(names, t)).join(', ')]), output.width),
          `Incidents (${incidents.length}):`,
          table(['incident', 'at', 'kind', 'records', 'revisions'], incidents.map((i) => [i.id, i.party, i.kind, i.records ?? '?', i.revisions]), output.width),
        ];
        output.out(lines.join('\n'));
      });
    });
}
