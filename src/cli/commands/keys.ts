import { Option, type Command } from 'commander';
import { newKey } from '../../access/key-hash.js';
import { keyName, ROLES } from '../../access/model.js';
import { BadInputError } from '../../errors.js';
import { auditDraft } from '../../register/audit-summary.js';
import { cliActor } from '../actor.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { table } from '../render/table.js';
import { withStore } from '../store-session.js';

// API keys live in the configured store, as salted scrypt hashes. The plain key is shown once,
// alone on the last line of stdout, so a script can take it with `tail -n 1`.

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
    .action(async (o: { name: string; role: (typeof ROLES)[number] }) => {
      const name = keyName.safeParse(o.name);
      if (!name.success) {
        output.err(`vendor-chain: --name: ${name.error.issues[0]!.message}, got "${o.name}"`);
        return setExit(EXIT.FINDINGS);
      }
      const { plain, record } = await newKey(name.data, o.role);
      try {
        await withStore(env, (store, config) =>
          store.addApiKey(
            record,
            auditDraft(
              cliActor(config.cliUser),
              'keys create',
              `key "${record.name}" (${record.role})`,
              config.lifecycle.now(),
            ),
          ),
        );
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
          ['name', 'role', 'created'],
          list.map((k) => [k.name, k.role, k.createdAt]),
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
