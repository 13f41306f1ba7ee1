import type { Command } from 'commander';
import { groupExposure } from '../../domain/group-exposure.js';
import { parseDate } from '../exit-codes.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

export function registerGroup(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('group')
    .description(
      "a corporate group's members and services, the controllers whose data they hold, and its incident history",
    )
    .requiredOption('--party <id>', 'any member of the group, or a service one of them runs')
    .option('--as-of <date>', 'only entrustments in force on this date', parseDate)
    .addOption(tableOrJsonOption())
    .action(async (o: { party: string; asOf?: string; format: 'table' | 'json' }) => {
      await withStore(env, async (store) => {
        const g = await groupExposure(store, o.party, o.asOf);
        const names = await namesOf(store, [
          g.group,
          ...g.controllers.flatMap((c) => [c.party, ...c.through]),
          ...g.incidents.map((i) => i.party),
        ]);
        const ref = (id: string) => partyRef(names, id);
        // The fields of GraphQL's GroupExposure, parties as {id, name}; revisions counted.
        const incidents = g.incidents.map((i) => ({
          id: i.id,
          party: ref(i.party),
          kind: i.kind,
          from: i.from ?? null,
          to: i.to ?? null,
          detected: i.detected ?? null,
          announced: i.announced ?? null,
          records: i.records ?? null,
          revisions: i.revisions.length,
        }));
        if (o.format === 'json') {
          const controllers = g.controllers.map((c) => ({
            party: ref(c.party),
            through: c.through.map(ref),
          }));
          const parties = (ps: { id: string; name: string }[]) =>
            ps.map((p) => ({ id: p.id, name: p.name }));
          return output.out(
            toJson({
              group: ref(g.group),
              members: parties(g.members),
              services: parties(g.services),
              controllers,
              incidents,
              incidentCount: g.incidentCount,
              recordsExposed: g.recordsExposed,
              recordsUnknown: g.recordsUnknown,
            }),
          );
        }
        const lines = [
          `Group of ${party(names, g.group)}: ${g.members.length} members, services ${g.services.map((s) => s.name).join(', ') || 'none'}`,
          table(
            ['controller', 'through'],
            g.controllers.map((c) => [
              party(names, c.party),
              c.through.map((t) => party(names, t)).join(', '),
            ]),
            output.width,
          ),
          `${g.incidentCount === 1 ? '1 incident' : `${g.incidentCount} incidents`}, ${exposedWords(g)}:`,
          table(
            ['incident', 'at', 'kind', 'records', 'revisions'],
            incidents.map((i) => [
              i.id,
              i.party.id,
              i.kind,
              i.records ?? 'not recorded',
              i.revisions,
            ]),
            output.width,
          ),
        ];
        output.out(lines.join('\n'));
      });
    });
}

/** Unknown is not zero: the sum says how many incidents record no count, or that none does. */
function exposedWords(g: {
  incidentCount: number;
  recordsExposed: number;
  recordsUnknown: number;
}) {
  if (g.recordsUnknown === 0) return `${g.recordsExposed} records exposed`;
  if (g.recordsUnknown === g.incidentCount) return 'records exposed not recorded';
  return `at least ${g.recordsExposed} records exposed (${g.recordsUnknown} of the incidents record no count)`;
}
