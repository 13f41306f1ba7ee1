// Domain errors carry a stable code; the GraphQL and CLI edges turn them into
// `extensions.code` / exit codes. Anything that is not a VcError is internal and never shown.

export const ERROR_CODES = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  STORE_UNAVAILABLE: 'VC_STORE_UNAVAILABLE',
  STORE_BUSY: 'VC_STORE_BUSY',
  INVALID_REGISTER: 'VC_INVALID_REGISTER',
  STORE_REFUSED: 'VC_STORE_REFUSED',
  CONFIG: 'VC_CONFIG',
  INTERNAL: 'VC_INTERNAL',
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
    super(ERROR_CODES.STORE_BUSY, `the write did not finish in time (${cause}): another write, such as a large import, may be holding the store; nothing was written; try again when it has finished`);
  }
}
