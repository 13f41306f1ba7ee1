import { Neo4jError } from 'neo4j-driver';
import {
  ConfigError,
  ERROR_CODES,
  QueryTimeoutError,
  StoreBusyError,
  StoreRefusedError,
  StoreUnavailableError,
  VcError,
} from '../../errors.js';

// Neo4j's errors become domain errors here, so nothing above the adapter knows the driver:
// "cannot reach or use the database" is StoreUnavailableError (503, retry later); what retrying
// cannot fix (memory limits, missing privileges) is StoreRefusedError naming what to change; a
// database that does not exist is the configuration's fault; anything else Neo4j refuses is an
// internal error with a message a maintainer can act on.

// …TransactionTimedOut, and …TransactionTimedOutClientConfiguration when the client set the limit.
const TIMED_OUT = 'Neo.ClientError.Transaction.TransactionTimedOut';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

// Neo4j reports memory limits under several codes (Neo.TransientError.General.MemoryPoolOutOfMemoryError,
// …TransactionMemoryLimit, …OutOfMemoryError) and sometimes only in the message of another code.
const MEMORY = /OutOfMemoryError|TransactionMemoryLimit|memory\.transaction\.(total\.)?max/;

/** What to raise, in the server's own setting names and in the official docker image's. */
export const MEMORY_SETTINGS =
  'raise server.memory.heap.max_size and dbms.memory.transaction.total.max (all databases) or db.memory.transaction.total.max ' +
  '(one database) in neo4j.conf, or NEO4J_server_memory_heap_max__size and NEO4J_dbms_memory_transaction_total_max in docker; ' +
  'retrying will not help';

// Wrong or locked credentials: retrying with the same password would only lock the account.
const AUTH_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
]);

/** Neo4j refused the user or password (not a missing privilege: see isForbidden). */
export function isAuthError(error: unknown): boolean {
  return error instanceof Neo4jError && AUTH_CODES.has(error.code);
}

/** Neo4j knows the user but refuses the operation (Security.Forbidden and the like). */
export function isForbidden(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code.startsWith('Neo.ClientError.Security.') &&
    !isAuthError(error) &&
    // The driver renews an expired authorization and retries by itself.
    error.code !== 'Neo.ClientError.Security.AuthorizationExpired'
  );
}

export function isMemoryError(error: unknown): boolean {
  return error instanceof Neo4jError && (MEMORY.test(error.code) || MEMORY.test(error.message));
}

export function isDatabaseNotFound(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Database.DatabaseNotFound';
}

function isUnavailable(error: Neo4jError): boolean {
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    // Transient errors reach us only after the driver's retries ran out: still "try again later".
    error.code.startsWith('Neo.TransientError.') ||
    isAuthError(error) ||
    error.code === 'Neo.ClientError.Security.AuthorizationExpired' ||
    /pool is closed/i.test(error.message)
  );
}

/** The useful part of a driver message: its cause ("connect ECONNREFUSED …") or first line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = /Caused by: (.+)$/s.exec(message)?.[1];
  return (cause ?? message).split('\n')[0]!.trim();
}

/** A read Neo4j stopped at its time limit: QueryTimeoutError; anything else as toStoreError. */
export function readError(error: unknown, query: string, timeoutS: number): unknown {
  if (error instanceof Neo4jError && error.code.startsWith(TIMED_OUT))
    return new QueryTimeoutError(query, timeoutS);
  return error;
}

/** The domain error for whatever a driver call threw; errors that are not Neo4j's pass unchanged. */
export function toStoreError(error: unknown, uri: string): unknown {
  if (error instanceof VcError) return error;
  if (error instanceof Neo4jError) {
    const neo4jCode = error.code;
    if (neo4jCode.startsWith(TIMED_OUT)) return new StoreBusyError(reasonOf(error));
    if (isMemoryError(error)) {
      return new StoreRefusedError(
        `Neo4j at ${uri} ran out of transaction memory (${reasonOf(error)}): ${MEMORY_SETTINGS}`,
        { neo4jCode },
      );
    }
    if (isDatabaseNotFound(error)) {
      return new ConfigError(
        'NEO4J_DATABASE',
        `Neo4j at ${uri} has no such database (${reasonOf(error)}); name an existing database or leave NEO4J_DATABASE unset for the default one`,
      );
    }
    if (isForbidden(error)) {
      return new StoreRefusedError(
        `Neo4j at ${uri} does not allow this to the configured NEO4J_USER (${reasonOf(error)}); grant the privilege or use another user`,
        { neo4jCode },
      );
    }
    if (isUnavailable(error))
      return new StoreUnavailableError(`Neo4j at ${uri}: ${reasonOf(error)}`);
    const what =
      neo4jCode === 'Neo.ClientError.Schema.ConstraintValidationFailed'
        ? 'refused the write'
        : `failed (${neo4jCode})`;
    return new VcError(ERROR_CODES.INTERNAL, `Neo4j ${what}: ${reasonOf(error)}`, { neo4jCode });
  }
  // A socket error the driver did not wrap (ECONNRESET, EPIPE …).
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
    return new StoreUnavailableError(`Neo4j at ${uri}: ${reasonOf(error)}`);
  return error;
}
