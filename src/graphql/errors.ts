import { GraphQLError } from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import { ERROR_CODES, VcError } from '../errors.js';
import { GRAPHQL_RESPONSE, type MediaType } from './http.js';

interface Execution {
  data?: Record<string, unknown> | null;
  errors: readonly GraphQLError[];
}

/** GraphQL validation errors arrive bundled inside one mercurius error; unbundle them. */
function flatten(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.flatMap((e) => {
    const inner = (e.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(inner) ? (inner as GraphQLError[]) : [e];
  });
}

/** Fastify's own 4xx errors (a body that is not JSON, an unsupported content type): the client's doing. */
function isMalformedRequest(error: unknown): error is Error & { statusCode: number } {
  const e = error as { code?: unknown; statusCode?: unknown } | undefined;
  return typeof e?.code === 'string' && e.code.startsWith('FST_') && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500;
}

/** Refusals raised by our own HTTP hooks (body limit, rate limit): their status and code stand. */
function isRefusal(error: unknown): error is Error & { statusCode: number; code: string } {
  const e = error as { code?: unknown; statusCode?: unknown } | undefined;
  // Mercurius's own errors (MER_ERR_…) carry a 400 too, but parse and validation failures are
  // answered by the GraphQL-over-HTTP rules below, by media type.
  return error instanceof Error && typeof e?.code === 'string' && !/^(FST|MER)_/.test(e.code) && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500;
}

/** Mercurius's own refusals of a request (MER_ERR_… with a 4xx): the client's doing, not ours. */
function isMercuriusClientError(error: unknown): error is Error & { code: string } {
  const e = error as { code?: unknown; statusCode?: unknown } | undefined;
  return error instanceof Error && typeof e?.code === 'string' && e.code.startsWith('MER_') && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500;
}

const ARMOR_LIMIT = /^Syntax Error: ((Query depth|Aliases|Directives) limit of \d+ exceeded, found \d+\.)$/;

/**
 * Every error leaves with an `extensions.code` and a message a person can act on. Domain errors
 * keep their message; unexpected errors are logged and replaced, so no internals or stack traces
 * reach a client. Never a 500. A request that could not run (not parsed, not valid, variables that
 * do not fit) has no `data` and answers 400 in application/graphql-response+json, 200 in legacy
 * application/json as the GraphQL-over-HTTP spec asks; a malformed request answers Fastify's 4xx
 * (400 for a body that is not JSON, 415 for a missing or unsupported content type).
 */
export function formatErrors(execution: Execution, log: FastifyBaseLogger, mediaType: MediaType) {
  const errors = flatten(execution.errors).map((error) => {
    const original = error.originalError;
    const locate = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
    if (original instanceof VcError) return new GraphQLError(error.message, { ...locate, extensions: { code: original.code, ...original.details } });
    if (original instanceof GraphQLError && original.extensions?.code) return new GraphQLError(error.message, { ...locate, extensions: original.extensions });
    if (isRefusal(original)) return new GraphQLError(original.message, { extensions: { code: original.code } });
    if (isMalformedRequest(original)) {
      return new GraphQLError(`the request is malformed: ${original.message}; send JSON like {"query": "{ stats { parties } }"}`, { extensions: { code: ERROR_CODES.BAD_USER_INPUT } });
    }
    if (isMercuriusClientError(original)) {
      // An empty query reaches Mercurius's persisted-query lookup, which calls it "Unknown query".
      const message = original.code === 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND' ? 'the query is empty: send a GraphQL document, like { stats { parties } }' : original.message;
      return new GraphQLError(message, { extensions: { code: ERROR_CODES.BAD_USER_INPUT } });
    }
    if (original && !(original instanceof GraphQLError)) {
      log.error({ err: original, path: error.path }, 'internal error in a GraphQL resolver');
      return new GraphQLError('internal error: the request could not be completed; the server log has the details', { ...locate, extensions: { code: ERROR_CODES.INTERNAL } });
    }
    // graphql-armor's refusals name the limit and the value; they are not syntax errors.
    const armor = ARMOR_LIMIT.exec(error.message)?.[1];
    if (armor !== undefined) return new GraphQLError(armor, { ...locate, extensions: { code: ERROR_CODES.BAD_USER_INPUT } });
    const tokens = /Document contains more that (\d+) tokens/.exec(error.message)?.[1];
    if (tokens !== undefined) {
      return new GraphQLError(`the query has more than ${tokens} tokens: the limit (maxTokens) is ${tokens}`, { extensions: { code: ERROR_CODES.BAD_USER_INPUT, limit: 'maxTokens', value: Number(tokens) } });
    }
    return new GraphQLError(error.message, { ...locate, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions } });
  });
  const formatted = errors.map((e) => e.toJSON());
  const refusal = execution.errors.map((e) => e.originalError).find(isRefusal);
  if (refusal) return { statusCode: refusal.statusCode, response: { errors: formatted } };
  const malformed = execution.errors.map((e) => e.originalError).find(isMalformedRequest);
  if (malformed) return { statusCode: malformed.statusCode, response: { errors: formatted } };
  // Mercurius passes `data` (possibly null) only when execution began.
  if (execution.data === undefined) return { statusCode: mediaType === GRAPHQL_RESPONSE ? 400 : 200, response: { errors: formatted } };
  return { statusCode: 200, response: { data: execution.data, errors: formatted } };
}
