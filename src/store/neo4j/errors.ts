import { Neo4jError } from 'neo4j-driver';
import { ERROR_CODES, StoreBusyError, StoreUnavailableError, VcError } from '../../errors.js';

// Neo4j's errors become domain errors here, so nothing above the adapter knows the driver:
// "cannot reach or use the database" is StoreUnavailableError (503, retry later); anything else
// Neo4j refuses is an internal error with a message a maintainer can act on.

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Neo4j refused the user or password; retrying would only lock the account. */
export function isAuthError(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.');
}

function isUnavailable(error: Neo4jError): boolean {
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    // Transient errors reach us only after the driver's retries ran out: still "try again later".
    error.code.startsWith('Neo.TransientError.') ||
    isAuthError(error) ||
    /pool is closed/i.test(error.message)
  );
}

/** The useful part of a driver message: its cause ("connect ECONNREFUSED …") or first line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = /Caused by: (.+)$/s.exec(message)?.[1];
  return (cause ?? message).split('\n')[0]!.trim();
}

/** The domain error for whatever a driver call threw; errors that are not Neo4j's pass unchanged. */
export function toStoreError(error: unknown, uri: string): unknown {
  if (error instanceof VcError) return error;
  if (error instanceof Neo4jError) {
    if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return new StoreBusyError(reasonOf(error));
    if (isUnavailable(error)) return new StoreUnavailableError(`Neo4j at ${uri}: ${reasonOf(error)}`);
    const what = error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed' ? 'refused the write' : `failed (${error.code})`;
    return new VcError(ERROR_CODES.INTERNAL, `Neo4j ${what}: ${reasonOf(error)}`, { neo4jCode: error.code });
  }
  // A socket error the driver did not wrap (ECONNRESET, EPIPE …).
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new StoreUnavailableError(`Neo4j at ${uri}: ${reasonOf(error)}`);
  return error;
}
