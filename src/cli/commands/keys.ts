import { Option, type Command } from 'commander';
import { newKey } from '../../access/key-hash.js';
import { keyName, ROLES } from '../../access/model.js';
import { z } from 'zod';
import { ID_PATTERN } from '../../domain/model.js';
import { BadInputError } from '../../errors.js';
import type { StorePort } from '../../store/port.js';
import { auditDraft } from '../../register/audit-summary.js';
import { cliActor } from '../actor.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { table } from '../render/table.js';
import { withStore } from '../store-session.js';

// API keys live in the configured store, as salted scrypt hashes. The plain key is shown once,
// alone on the last line of stdout, so a script can take it with `tail -n 1`.

/** Comma-separated party ids, at least one. */
const controllerList = z
  .string()
  .transform((v) => [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ])
  .pipe(
    z
      .array(z.string().regex(ID_PATTERN, { message: 'expected party ids like takeo-city' }))
      .min(1, { message: 'expected one or more party ids, comma-separated' }),
  );

/** A key is scoped to controllers the store holds: a mistyped id would give a key that sees nothing. */
async function requireParties(store: StorePort, ids: readonly string[]): Promise<void> {
  const found = new Set((await store.parties(ids)).map((p) => p.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new BadInputError(
      'controllers',
      `no party with id ${missing.map((id) => `"${id}"`).join(', ')} in the store`,
    );
}

export function registerKeys(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
  setExit: (code: number) => void,
): void {
  const keys = program.command('keys').description('API keys for the server: create, list, revoke');

  keys
    .command('create')
    .description('create a key; prints it once, on the last line')
    .requiredOption(
      '--name <name>',
      'a name for the key: who or what uses it (shown in the audit log)',
    )
    .addOption(
      new Option(
        '--role <role>',
        'reader: queries; editor: also imports; admin: also the audit log',
      )
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .option(
      '--controllers <ids>',
      "only these controllers' chains (comma-separated party ids): the key sees nothing else",
    )
    .action(async (o: { name: string; role: (typeof ROLES)[number]; controllers?: string }) => {
      const name = keyName.safeParse(o.name);
      if (!name.success) {
        output.err(`vendor-chain: --name: ${name.error.issues[0]!.message}, got "${o.name}"`);
        return setExit(EXIT.FINDINGS);
      }
      const controllers =
        o.controllers === undefined ? null : controllerList.safeParse(o.controllers);
      if (controllers && !controllers.success) {
        output.err(`vendor-chain: --controllers: ${controllers.error.issues[0]!.message}`);
        return setExit(EXIT.FINDINGS);
      }
      const { plain, record } = await newKey(name.data, o.role, undefined, controllers?.data);
      try {
        await withStore(env, async (store, config) => {
          if (record.controllers) await requireParties(store, record.controllers);
          await store.addApiKey(
            record,
            auditDraft(
              cliActor(config.cliUser),
              'keys create',
              `key "${record.name}" (${record.role}${record.controllers ? `, controllers ${record.controllers.join(', ')}` : ''})`,
              config.lifecycle.now(),
            ),
          );
        });
      } catch (error) {
        if (!(error instanceof BadInputError)) throw error;
        output.err(`vendor-chain: --${error.message}`);
        return setExit(EXIT.FINDINGS);
      }
      output.err(
        `created key "${record.name}" with role ${record.role}; it is shown once, below: keep it secret`,
      );
      output.out(plain);
    });

  keys
    .command('list')
    .description('the keys by name, with their roles (never the keys themselves)')
    .action(async () => {
      const list = await withStore(env, (store) => store.apiKeys());
      if (list.length === 0)
        return output.out('no keys: the server serves anonymously, on a loopback HOST only\n');
      output.out(
        table(
          ['name', 'role', 'controllers', 'created'],
          list.map((k) => [k.name, k.role, k.controllers?.join(', ') ?? '(all)', k.createdAt]),
          output.width,
        ),
      );
    });

  keys
    .command('revoke')
    .description('delete a key: requests with it are refused at once')
    .requiredOption('--name <name>', 'the key to revoke')
    .action(async (o: { name: string }) => {
      const revoked = await withStore(env, (store, config) =>
        store.revokeApiKey(
          o.name,
          auditDraft(
            cliActor(config.cliUser),
            'keys revoke',
            `key "${o.name}"`,
            config.lifecycle.now(),
          ),
        ),
      );
      if (!revoked) {
        output.err(
          `vendor-chain: --name: no key named "${o.name}" (vendor-chain keys list shows them)`,
        );
        return setExit(EXIT.FINDINGS);
      }
      output.out(`revoked key "${o.name}"`);
    });
}
