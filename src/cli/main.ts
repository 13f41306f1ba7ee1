import { Command, CommanderError } from 'commander';
import { VcError } from '../errors.js';
import { registerCertifications } from './commands/certifications.js';
import { registerChain } from './commands/chain.js';
import { registerConcentration } from './commands/concentration.js';
import { registerCrossBorder } from './commands/cross-border.js';
import { registerGroup } from './commands/group.js';
import { registerObligations } from './commands/obligations.js';
import { BadFileError, registerCheck } from './commands/check.js';
import { registerFindings } from './commands/findings.js';
import { registerImpact } from './commands/impact.js';
import { registerImport } from './commands/import.js';
import { registerIncidents } from './commands/incidents.js';
import { registerKeys } from './commands/keys.js';
import { registerMigrate } from './commands/migrate.js';
import { registerNeo4jCsv } from './commands/neo4j-csv.js';
import { registerChanges } from './commands/changes.js';
import { registerNotify } from './commands/notify.js';
import { registerRemove } from './commands/remove.js';
import { registerRevisions } from './commands/revisions.js';
import { registerExport } from './commands/export.js';
import { registerTemplate } from './commands/template.js';
import { registerRopa } from './commands/ropa.js';
import { registerBreachReport } from './commands/breach-report.js';
import { EXIT, EXIT_CODES_HELP, exitCodeOfError, exitCodesHelp, UsageError } from './exit-codes.js';
import { VERSION } from './version.js';
import { processOutput, type Output } from './output.js';

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function run(
  argv: string[],
  env: Record<string, string | undefined>,
  output: Output = processOutput(),
): Promise<number> {
  let exitCode: number = EXIT.OK;
  const setExit = (code: number) => void (exitCode = Math.max(exitCode, code));
  const program = new Command('vendor-chain')
    .description(
      'Who holds our personal data, down the chain of contractors, and who is hit when one leaks.\nUses the same store and settings as the server: STORE, DATA_DIR, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD.',
    )
    .version(VERSION, '-V, --version', 'print the version of vendor-chain')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showHelpAfterError('(run vendor-chain --help for usage)');
  registerCheck(program, output, env, setExit);
  registerImport(program, output, env, setExit);
  registerRemove(program, output, env, setExit);
  registerRevisions(program, output, env);
  registerImpact(program, output, env);
  registerIncidents(program, output, env);
  registerFindings(program, output, env, setExit);
  registerChain(program, output, env);
  registerChanges(program, output, env);
  registerCrossBorder(program, output, env);
  registerConcentration(program, output, env);
  registerGroup(program, output, env);
  registerCertifications(program, output, env);
  registerObligations(program, output, env);
  registerNotify(program, output, env);
  registerKeys(program, output, env, setExit);
  registerNeo4jCsv(program, output, env, setExit);
  registerMigrate(program, output, env);
  registerExport(program, output, env);
  registerTemplate(program, output);
  registerRopa(program, output, env);
  registerBreachReport(program, output, env);
  for (const command of program.commands) {
    command.exitOverride().addHelpText('after', exitCodesHelp(command.name()));
    for (const sub of command.commands) sub.exitOverride();
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (error instanceof BadFileError) {
      output.err(error.message);
      return EXIT.FINDINGS;
    }
    if (error instanceof UsageError) {
      output.err(`vendor-chain: ${error.message}`);
      return EXIT.USAGE;
    }
    if (error instanceof VcError && error.code !== 'VC_INTERNAL') {
      output.err(`vendor-chain: ${error.message}`);
      return exitCodeOfError(error.code);
    }
    output.err(`vendor-chain: unexpected error: ${(error as Error).message}`);
    return exitCodeOfError(undefined);
  }
}
