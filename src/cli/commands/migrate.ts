import type { Command } from 'commander';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';

// Creates Neo4j's constraints and indexes (cypher/schema.cypher) and waits until they are online;
// the service only checks them at start (docs/operations.md, "Neo4j"). Then repairs what earlier
// versions wrote wrong: `json` properties, and inferred links a staged import left out, saying
// what it drew. Idempotent: run it before every deployment. `--check` changes nothing and fails,
// naming what is missing, when any is.

export function registerMigrate(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('migrate')
    .description(
      "create the store's schema (Neo4j's constraints and indexes) and wait until it is online; --check only verifies it",
    )
    .option(
      '--check',
      'change nothing: exit non-zero, naming what is missing, unless all is in place',
    )
    .action(async (o: { check?: boolean }) => {
      const kind = await withStore(env, async (_store, config) => config.store, {
        schema: o.check ? 'check' : 'apply',
        ...(o.check ? {} : { onRepaired: (what: string) => output.out(what) }),
      });
      output.out(
        kind === 'neo4j'
          ? o.check
            ? 'the schema is in place and online'
            : 'the schema is in place and online (created what was missing)'
          : 'the embedded store keeps its own indexes: nothing to migrate',
      );
    });
}
