import { InvalidArgumentError } from 'commander';

/** The command's exit codes, as documented in --help and the README (like `fides evaluate`). */
export const EXIT = {
  OK: 0,
  /** Findings at or above --fail-on, or register errors. */
  FINDINGS: 1,
  /** Bad usage or configuration. */
  USAGE: 2,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  findings at or above --fail-on, or errors in the register files
  2  usage or configuration error (bad option, unknown id, unreachable store)`;

/** A problem with how the command was called: exit 2 with this message. */
export class UsageError extends Error {}

export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError(`expected a date like 2014-09-25, got "${value}"`);
  }
  return value;
}

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
}
