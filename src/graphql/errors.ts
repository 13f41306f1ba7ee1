import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import type { FastifyBaseLogger } from 'fastify';
import { ERROR_CODES, VcError } from '../errors.js';
import { argumentAt } from './argument-at.js';
import { GRAPHQL_RESPONSE, METHOD_NOT_ALLOWED, type MediaType } from './http.js';

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

/**
 * A new error where `error` was: its nodes, source and path. A compiled query's errors
 * (graphql-jit) carry their locations but no nodes; theirs are kept as they are.
 */
function placed(
  error: GraphQLError,
  message: string,
  extensions: GraphQLErrorExtensions,
): GraphQLError {
  const made = new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
  return made.locations === undefined && error.locations !== undefined
    ? Object.assign(made, { locations: error.locations })
    : made;
}

type ClientError = Error & { statusCode: number; code: string };

/**
 * Who raised a 4xx error that carries a code: Fastify (a body that is not JSON, an unsupported
 * content type), Mercurius (an empty query, say) or our own HTTP hooks (body limit, rate limit).
 * All three are the client's doing; they differ in how they are answered.
 */
function clientErrorBy(error: unknown): 'fastify' | 'mercurius' | 'ours' | null {
  const e = error as { code?: unknown; statusCode?: unknown } | undefined;
  if (
    !(error instanceof Error) ||
    typeof e?.code !== 'string' ||
    typeof e.statusCode !== 'number' ||
    e.statusCode < 400 ||
    e.statusCode >= 500
  )
    return null;
  return e.code.startsWith('FST_') ? 'fastify' : e.code.startsWith('MER_') ? 'mercurius' : 'ours';
}

/** Fastify's own 4xx errors: the request is malformed. */
const isMalformedRequest = (error: unknown): error is ClientError =>
  clientErrorBy(error) === 'fastify';
/** Refusals raised by our own HTTP hooks: their status and code stand. */
const isRefusal = (error: unknown): error is ClientError => clientErrorBy(error) === 'ours';
/** Mercurius's own refusals of a request: answered by the GraphQL-over-HTTP rules, by media type. */
const isMercuriusClientError = (error: unknown): error is ClientError =>
  clientErrorBy(error) === 'mercurius';

// Apollo's codes for a document that does not parse and one that does not fit the schema, which
// clients and gateways already tell apart; and a mutation sent by GET (GraphQL over HTTP: 405).
const PARSE_FAILED = 'GRAPHQL_PARSE_FAILED';
const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';
const isGetMutation = (error: unknown) =>
  (error as { code?: unknown } | undefined)?.code === 'MER_ERR_METHOD_NOT_ALLOWED';

const ARMOR_LIMIT =
  /^Syntax Error: ((Query depth|Aliases|Directives) limit of \d+ exceeded, found \d+\.)$/;

/**
 * Every error leaves with an `extensions.code` and a message a person can act on. Domain errors
 * keep their message; unexpected errors are logged and replaced, so no internals or stack traces
 * reach a client. Never a 500. A request that could not run (not parsed, not valid, variables that
 * do not fit) has no `data` and answers 400 in application/graphql-response+json, 200 in legacy
 * application/json as the GraphQL-over-HTTP spec asks; a malformed request answers Fastify's 4xx
 * (400 for a body that is not JSON, 415 for a missing or unsupported content type).
 */
export function formatErrors(execution: Execution, log: FastifyBaseLogger, mediaType: MediaType) {
  if (execution.errors.some((e) => isGetMutation(e.originalError))) {
    const message =
      'GET is for queries only (GraphQL over HTTP), so a link or a cache can never write: a mutation must be sent by POST, a subscription over WebSocket at /graphql (the graphql-ws protocol)';
    return {
      statusCode: 405,
      response: { errors: [{ message, extensions: { code: METHOD_NOT_ALLOWED } }] },
    };
  }
  const errors = flatten(execution.errors).map((error) => {
    const original = error.originalError;
    if (original instanceof VcError)
      return placed(error, error.message, { code: original.code, ...original.details });
    if (original instanceof GraphQLError && original.extensions?.code)
      return placed(error, error.message, original.extensions);
    if (isRefusal(original))
      return new GraphQLError(original.message, { extensions: { code: original.code } });
    if (isMalformedRequest(original)) {
      return new GraphQLError(
        `the request is malformed: ${original.message}; send JSON like {"query": "{ stats { parties } }"}`,
        { extensions: { code: ERROR_CODES.BAD_USER_INPUT } },
      );
    }
    if (isMercuriusClientError(original)) {
      // An empty query reaches Mercurius's persisted-query lookup, which calls it "Unknown query".
      const message =
        original.code === 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND'
          ? 'the query is empty: send a GraphQL document, like { stats { parties } }'
          : original.message;
      return new GraphQLError(message, { extensions: { code: ERROR_CODES.BAD_USER_INPUT } });
    }
    if (original && !(original instanceof GraphQLError)) {
      log.error({ err: original, path: error.path }, 'internal error in a GraphQL resolver');
      return placed(
        error,
        'internal error: the request could not be completed; the server log has the details',
        { code: ERROR_CODES.INTERNAL },
      );
    }
    // graphql-armor's refusals name the limit and the value; they are not syntax errors.
    const armor = ARMOR_LIMIT.exec(error.message)?.[1];
    if (armor !== undefined) return placed(error, armor, { code: ERROR_CODES.BAD_USER_INPUT });
    const tokens = /Document contains more that (\d+) tokens/.exec(error.message)?.[1];
    if (tokens !== undefined) {
      return new GraphQLError(
        `the query has more than ${tokens} tokens: the limit (maxTokens) is ${tokens}`,
        {
          extensions: {
            code: ERROR_CODES.BAD_USER_INPUT,
            limit: 'maxTokens',
            value: Number(tokens),
          },
        },
      );
    }
    // A literal a scalar refused (asOf: "2014-02-31") is named as BadInputError names an
    // argument, and keeps its place in the document.
    const argument =
      error.extensions?.code === ERROR_CODES.BAD_USER_INPUT ? argumentAt(error) : undefined;
    if (argument !== undefined)
      return placed(error, `${argument}: ${error.message}`, { ...error.extensions, argument });
    const failed = error.message.startsWith('Syntax Error: ') ? PARSE_FAILED : VALIDATION_FAILED;
    return placed(error, error.message, { code: failed, ...error.extensions });
  });
  const formatted = errors.map((e) => e.toJSON());
  const refusal = execution.errors.map((e) => e.originalError).find(isRefusal);
  if (refusal) return { statusCode: refusal.statusCode, response: { errors: formatted } };
  const malformed = execution.errors.map((e) => e.originalError).find(isMalformedRequest);
  if (malformed) return { statusCode: malformed.statusCode, response: { errors: formatted } };
  // Mercurius passes `data` (possibly null) only when execution began.
  if (execution.data === undefined)
    return {
      statusCode: mediaType === GRAPHQL_RESPONSE ? 400 : 200,
      response: { errors: formatted },
    };
  return { statusCode: 200, response: { data: execution.data, errors: formatted } };
}
