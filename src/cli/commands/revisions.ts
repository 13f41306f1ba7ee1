import { Option, type Command } from 'commander';
import { revisions, type Revision } from '../../register/revisions.js';
import { parsePositive } from '../exit-codes.js';
import { tableOrJsonOption, toJson, type Output } from '../output.js';
import { table } from '../render/table.js';
import { withStore } from '../store-session.js';

export function registerRevisions(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('revisions')
    .description(
      "the register's history, newest first: every import, sync and removal, who made it and which ids it added, changed, retired or removed",
    )
    .addOption(new Option('--first <n>', 'how many, 1 to 500').argParser(parsePositive).default(20))
    .option('--after <id>', 'the next page: revisions older than this one (the last id shown)')
    .addOption(tableOrJsonOption())
    .action(async (o: { first: number; after?: string; format: 'table' | 'json' }) => {
      const list = await withStore(env, (store) => revisions(store, o.first, o.after ?? null));
      if (o.format === 'json')
        return output.out(
          toJson(
            list.map((r) => ({
              id: r.id,
              at: r.at,
              actor: r.actor,
              scope: r.scope ?? null,
              added: r.added,
              changed: r.changed,
              retired: r.retired,
              removed: r.removed,
              counts: r.counts,
            })),
          ),
        );
      if (list.length === 0) return output.out('No revisions yet.');
      output.out(
        table(
          ['revision', 'at', 'actor', 'scope', 'what changed'],
          list.map((r) => [
            r.id,
            r.at.replace('T', ' ').slice(0, 19),
            r.actor,
            r.scope ?? '',
            changes(r),
          ]),
          output.width,
        ),
      );
    });
}

const SHOWN = 6;

function changes(r: Revision): string {
  const line = (verb: 'added' | 'changed' | 'retired' | 'removed') => {
    const ids = r[verb];
    const count = r.counts[verb];
    if (count === 0) return [];
    const shown = ids.slice(0, SHOWN).join(' ');
    return [`${verb} ${count}: ${shown}${count > SHOWN ? ` … (+${count - SHOWN})` : ''}`];
  };
  const lines = [...line('added'), ...line('changed'), ...line('retired'), ...line('removed')];
  return lines.length === 0 ? 'nothing (the same as before)' : lines.join('\n');
}
