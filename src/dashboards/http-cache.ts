import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isUpgrade } from '../http/upgrade.js';
import type { StorePort } from '../store/port.js';

// Conditional GET for pollers: an answer's ETag is made of the store's write generation (which
// every committed write changes, from any process or instance: store/port.ts) and of what was
// asked, by whom, in which media type. A poller that sends it back gets 304 and no body, and the
// query does not run. The generation is read before the query runs: a write that lands meanwhile
// gives the next ask a new tag, so an answer is never kept past the data it was made from.

declare module 'fastify' {
  interface FastifyRequest {
    /** The ETag this GET /graphql answer will carry, when it is one that may be cached. */
    graphqlEtag: string | null;
  }
}

/** The tag of an answer: the generation, then a digest of the request and the asker. */
export function etagOf(generation: number, request: FastifyRequest): string {
  const q = request.query as Record<string, unknown>;
  const asked = JSON.stringify([
    q.query ?? null,
    q.operationName ?? null,
    q.variables ?? null,
    q.extensions ?? null,
    request.headers.accept ?? null,
    // A key limited to some controllers sees other answers than one that is not.
    request.principal ?? null,
  ]);
  const digest = createHash('sha256').update(asked).digest('base64url').slice(0, 22);
  return `W/"${generation}-${digest}"`;
}

/** Whether an If-None-Match header (a list of tags, or *) matches the tag, weakly. */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** The answer to this request has errors: it gets no ETag. */
export function untag(request: FastifyRequest | undefined): void {
  if (request) request.graphqlEtag = null;
}

const isGraphqlGet = (request: FastifyRequest) =>
  request.method === 'GET' && request.routeOptions.url === '/graphql' && !isUpgrade(request);

export default fp(
  async function httpCache(
    app: FastifyInstance,
    { store, maxAgeS }: { store: StorePort; maxAgeS: number },
  ) {
    app.decorateRequest('graphqlEtag', null);
    const cacheControl = `public, max-age=0, s-maxage=${maxAgeS}, must-revalidate`;

    // After the key is checked and counted (onRequest, the rate limit's preHandler), before the query runs.
    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isGraphqlGet(request) || reply.sent) return;
      const etag = etagOf(await store.generation(), request);
      request.graphqlEtag = etag;
      if (!matches(request.headers['if-none-match'], etag)) return;
      return reply
        .code(304)
        .headers({ etag, 'cache-control': cacheControl, vary: 'Accept, Authorization' })
        .send();
    });

    // Only a whole answer is tagged: one with errors (the store down, a bad argument) is asked
    // again; the GraphQL error formatter calls untag().
    app.addHook('onSend', async (request, reply, payload) => {
      const etag = request.graphqlEtag;
      if (etag === null || reply.statusCode !== 200) return payload;
      reply.headers({ etag, 'cache-control': cacheControl, vary: 'Accept, Authorization' });
      return payload;
    });
  },
  { name: 'vendor-chain-http-cache', dependencies: ['vendor-chain-access'] },
);
