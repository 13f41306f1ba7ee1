import { InvalidArgumentError } from 'commander';
import { DATE_EXPECTED, isIsoDate } from '../domain/dates.js';

/** The command's exit codes, as documented in --help and the README (like `fides evaluate`). */
export const EXIT = {
  OK: 0,
  /** Findings at or above --fail-on, register errors, a refused sync or removal. */
  FINDINGS: 1,
  /** Bad usage or configuration. */
  USAGE: 2,
} as const;

const USAGE_LINE = '  2  usage or configuration error (bad option, unknown id, unreachable store)';
const FAILED = 'a write the store refused (disk full, too large), or an unexpected error';
export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  findings at or above --fail-on, errors in the register files, ${FAILED}
${USAGE_LINE}`;

/** The exit codes one command can give: 1 only where --fail-on or register files exist. */
export function exitCodesHelp(command: string): string {
  const one =
    command === 'findings'
      ? 'findings at or above --fail-on'
      : command === 'import'
        ? 'errors in the register files, or a sync refused (it would retire more than SYNC_RETIRE_LIMIT_PERCENT)'
        : command === 'check' || command === 'neo4j-csv'
          ? 'errors in the register files'
          : command === 'remove'
            ? 'refused: other records still refer to what would be removed'
            : command === 'keys'
              ? 'a name refused or taken'
              : '';
  const writes = ['import', 'keys', 'remove'].includes(command);
  const failed = writes ? FAILED : 'an unexpected error';
  return `\nExit codes:\n  0  ok\n  1  ${one ? `${one}; ${failed}` : failed}\n${USAGE_LINE}`;
}

// What the store refused of a write, which is not how the command was called.
const FAILED_CODES: ReadonlySet<string> = new Set([
  'VC_INVALID_REGISTER',
  'VC_DISK_FULL',
  'VC_STORE_REFUSED',
  'VC_STORE_BUSY',
  'VC_INTERNAL',
]);

/** 1 for a write refused or an unexpected error; 2 for usage, configuration, an unknown id or an unreachable store. */
export function exitCodeOfError(code: string | undefined): number {
  return code === undefined || FAILED_CODES.has(code) ? EXIT.FINDINGS : EXIT.USAGE;
}

/** A problem with how the command was called: exit 2 with this message. */
export class UsageError extends Error {}

/**
 * Every date option of every command: the parser the GraphQL `Date` scalar and the register use,
 * so 2014-02-31 is refused everywhere (commander names the option and the value; exit 2).
 */
export function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`${DATE_EXPECTED}, got "${value}"`);
  return value;
}

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
}
