// Domain errors carry a stable code; the GraphQL and CLI edges turn them into
// `extensions.code` / exit codes. Anything that is not a VcError is internal and never shown.

export const ERROR_CODES = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  STORE_UNAVAILABLE: 'VC_STORE_UNAVAILABLE',
  STORE_BUSY: 'VC_STORE_BUSY',
  INVALID_REGISTER: 'VC_INVALID_REGISTER',
  STORE_REFUSED: 'VC_STORE_REFUSED',
  CONFIG: 'VC_CONFIG',
  DISK_FULL: 'VC_DISK_FULL',
  INTERNAL: 'VC_INTERNAL',
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class VcError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'VcError';
  }
}

export class BadInputError extends VcError {
  constructor(argument: string, problem: string) {
    super(ERROR_CODES.BAD_USER_INPUT, `${argument}: ${problem}`, { argument });
  }
}

export class NotFoundError extends VcError {
  constructor(what: string, id: string) {
    super(ERROR_CODES.NOT_FOUND, `no ${what} with id "${id}"`, { what, id });
  }
}

export class StoreUnavailableError extends VcError {
  constructor(cause: string) {
    super(ERROR_CODES.STORE_UNAVAILABLE, `the store is unavailable (${cause}); try again shortly`);
  }
}

/** The store refused the work for a reason retrying will not change (memory, privileges): an operator must act. */
export class StoreRefusedError extends VcError {
  constructor(problem: string, details: Record<string, unknown> = {}) {
    super(ERROR_CODES.STORE_REFUSED, `the store refused the request: ${problem}`, details);
  }
}

export class ConfigError extends VcError {
  constructor(variable: string, problem: string) {
    super(ERROR_CODES.CONFIG, `${variable}: ${problem}`, { variable });
  }
}

/** Another write held the store longer than this one may wait (a large import, say). */
export class StoreBusyError extends VcError {
  constructor(cause: string) {
    super(
      ERROR_CODES.STORE_BUSY,
      `the write did not finish in time (${cause}): another write, such as a large import, may be holding the store; nothing was written; try again when it has finished`,
    );
  }
}

/** A question the store stopped at its time limit (NEO4J_READ_TIMEOUT_S); nothing is broken. */
export class QueryTimeoutError extends VcError {
  constructor(query: string, timeoutS: number) {
    super(
      ERROR_CODES.STORE_BUSY,
      `the store stopped this question after ${timeoutS} s, its time limit for one read (NEO4J_READ_TIMEOUT_S); ask again when the store is less busy, ask a narrower question (a shorter window, fewer data categories), or raise the limit`,
      { query, timeoutS },
    );
  }
}

/** Another write committed between a write's plan and its transaction; nothing was written. */
export class WriteConflictError extends VcError {
  constructor() {
    super(
      ERROR_CODES.STORE_BUSY,
      'the store changed while this write was being prepared (another write committed); nothing was written; try again',
    );
  }
}

/** A request without a valid API key, where one is needed. */
export class UnauthenticatedError extends VcError {
  /** `signOn`: the service takes single sign-on tokens too, and the message says how to get one. */
  constructor(problem: string, { signOn = false }: { signOn?: boolean } = {}) {
    super(
      ERROR_CODES.UNAUTHENTICATED,
      signOn
        ? `${problem}: sign in again (the explorer's and GraphiQL's Sign in) and send "Authorization: Bearer <token>" with the provider's access token, or a key from \`vendor-chain keys create\``
        : `${problem}: send "Authorization: Bearer <key>" with a key from \`vendor-chain keys create\``,
    );
  }
}

/** The service refuses work it cannot take on now (too many key checks at once); retry shortly. */
export class BusyError extends VcError {
  constructor(problem: string) {
    super(ERROR_CODES.RATE_LIMITED, `${problem}; retry in a second`);
  }
}

/** A key that would need hashing, from an address with too many failed key checks this minute. */
export class TooManyAttemptsError extends VcError {
  constructor() {
    super(ERROR_CODES.RATE_LIMITED, 'too many failed key checks from this address');
  }
}

/** A valid key whose role does not allow the operation. */
export class ForbiddenError extends VcError {
  constructor(what: string, needed: string, role: string) {
    super(ERROR_CODES.FORBIDDEN, `${what} needs the ${needed} role; this key is a ${role}`, {
      needed,
    });
  }
}

/** Something a key scoped to controllers may not do or reach, named without revealing more. */
export class OutOfScopeError extends VcError {
  constructor(what: string) {
    super(ERROR_CODES.FORBIDDEN, `${what}: not open to a key scoped to controllers`);
  }
}

/** A write refused because the disk (or the store's map) is full; nothing of it was written. */
export class DiskFullError extends VcError {
  constructor(where: string) {
    super(
      ERROR_CODES.DISK_FULL,
      `the disk holding ${where} is full: nothing was written; free space and try again`,
    );
  }
}

/** Whether an error from a file or database write means "no space left". */
export function isDiskFull(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  return /ENOSPC|MDB_MAP_FULL|No space left/i.test(
    `${String(e?.code ?? '')} ${String(e?.message ?? '')}`,
  );
}
