import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';
import { isUpgrade } from '../http/upgrade.js';

// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): Mercurius runs the query; this
// module is the part of the spec it leaves to us — which media type answers, request parameters
// checked before anything runs (a client mistake is a 4xx, never an internal error), and `null`
// accepted wherever the spec allows it. test/graphql/http-audit.test.ts runs graphql-http's audit.

/** A method the endpoint does not take for this request (a mutation by GET; PUT, DELETE). */
export const METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED';

export const GRAPHQL_RESPONSE = 'application/graphql-response+json';
export const LEGACY_JSON = 'application/json';
export type MediaType = typeof GRAPHQL_RESPONSE | typeof LEGACY_JSON;

/**
 * The media type of the answer, by the client's Accept header (q-values honoured). A missing
 * header or a wildcard gets application/json, as the spec asks for clients from before it.
 */
export function responseMediaType(accept: string | undefined): MediaType {
  if (!accept) return LEGACY_JSON;
  const ranked = accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { type, q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((m) => m.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { type } of ranked) {
    if (type === GRAPHQL_RESPONSE) return GRAPHQL_RESPONSE;
    if (type === LEGACY_JSON || type === 'application/*' || type === '*/*') return LEGACY_JSON;
  }
  return LEGACY_JSON;
}

const QUERY_EXPECTED =
  'expected the GraphQL document as a string, e.g. {"query": "{ stats { parties } }"}';

// A persisted query (extensions.persistedQuery, src/dashboards/persisted-queries.ts) may come
// with its hash alone.
const Parameters = z.object({
  query: z.string({ error: QUERY_EXPECTED }).optional(),
  operationName: z.string().nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

/** In a GET, variables and extensions are JSON text in the URL. */
function fromUrl(query: Record<string, unknown>, name: string): unknown {
  const text = query[name];
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function refuse(reply: FastifyReply, message: string) {
  return reply
    .code(400)
    .send({ errors: [{ message, extensions: { code: ERROR_CODES.BAD_USER_INPUT } }] });
}

/** Route hook before Mercurius sees the request: check the parameters, drop the nulls it would refuse. */
export async function checkRequest(request: FastifyRequest, reply: FastifyReply) {
  // A WebSocket upgrade carries its operations in messages (src/dashboards/subscriptions.ts).
  if (isUpgrade(request)) return;
  const isGet = request.method === 'GET';
  const raw = (isGet ? request.query : request.body) as Record<string, unknown> | null | undefined;
  if (Array.isArray(raw))
    return refuse(
      reply,
      'batching is not supported: the body is a JSON array; send one request object, {"query": "…"}, per HTTP request',
    );
  if (typeof raw === 'string')
    return refuse(
      reply,
      'the body is not JSON: send content-type application/json with {"query": "{ stats { parties } }"}',
    );
  if (!raw || typeof raw !== 'object') {
    return refuse(
      reply,
      'the request has no parameters: send JSON like {"query": "{ stats { parties } }"}',
    );
  }
  const parameters = isGet
    ? { ...raw, variables: fromUrl(raw, 'variables'), extensions: fromUrl(raw, 'extensions') }
    : raw;
  const checked = Parameters.safeParse(parameters);
  if (
    checked.success &&
    checked.data.query === undefined &&
    !checked.data.extensions?.persistedQuery
  )
    return refuse(reply, `query: ${QUERY_EXPECTED}`);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path.join('.') || 'request';
    const problem =
      issue.code === 'invalid_type' && field !== 'query'
        ? `expected ${issue.expected === 'record' ? 'an object' : issue.expected}`
        : issue.message;
    return refuse(reply, `${field}: ${problem}`);
  }
  // Mercurius's own request schema refuses `extensions: null`, which the spec allows.
  for (const name of ['extensions', 'variables', 'operationName'] as const)
    if (raw[name] === null) delete raw[name];
}

/** Other methods on /graphql: 405 naming the two the spec defines, in the shape of every error. */
export async function refuseMethod(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(405)
    .header('allow', 'GET, POST')
    .send({
      errors: [
        {
          message: `${request.method} is not a GraphQL method: send queries by GET or POST, mutations by POST`,
          extensions: { code: METHOD_NOT_ALLOWED },
        },
      ],
    });
}

/** Route hook: label the answer with the media type the client asked for. */
export async function labelResponse(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
) {
  // GraphQL over HTTP: a 405 says which method would have been allowed.
  if (reply.statusCode === 405) reply.header('allow', 'POST');
  if (responseMediaType(request.headers.accept) === GRAPHQL_RESPONSE)
    reply.header('content-type', `${GRAPHQL_RESPONSE}; charset=utf-8`);
  return payload;
}
