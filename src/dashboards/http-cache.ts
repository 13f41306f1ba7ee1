import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isUpgrade } from '../http/upgrade.js';
import { generationFor } from '../http/request-generation.js';
import type { StorePort } from '../store/port.js';
import { AnswerCache } from './answer-cache.js';
import { AnswerFlights } from './answer-flights.js';

// Conditional GET for pollers: an answer's ETag is made of the store's write generation (which
// every committed write changes, from any process or instance: store/port.ts), of what was
// asked, by whom, in which media type, and of the answer itself. A poller that sends it back gets
// 304 and no body: while nothing was written, before the query runs; after a write, when the
// answer came out the same (an incident imported leaves a controller's findings as they were).
// The generation is read before the query runs: a write that lands meanwhile gives the next ask
// a new tag, so an answer is never kept past the data it was made from. Between two writes a
// question is executed once: its answer is kept (answer-cache.ts) and given to the next asker,
// and askers that arrive while it is being executed wait for it (answer-flights.ts).

declare module 'fastify' {
  interface FastifyRequest {
    /** The ETag this GET /graphql answer will carry, when it is one that may be cached. */
    graphqlEtag: string | null;
  }
}

/** What a tag says of the question, before the answer is known: the generation, then a digest of the request and the asker. */
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

/** The whole tag of an answer: the question's tag, then a digest of the answer's body. */
export function withAnswer(questionTag: string, body: string | Buffer): string {
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  return `${questionTag.slice(0, -1)}.${digest}"`;
}

/** A tag as sent back: W/"<generation>-<question>[.<answer>]". */
function partsOf(tag: string) {
  const m = /^(?:W\/)?"(\d+)-([\w-]{22})(?:\.([\w-]+))?"$/.exec(tag.trim());
  return m ? { generation: m[1]!, question: m[2]!, answer: m[3] } : null;
}

/** The tag sent back that asks the same question at this generation (the poller's copy), if any. */
export function sameQuestionNow(header: string | undefined, questionTag: string): string | null {
  const now = partsOf(questionTag)!;
  for (const sent of (header ?? '').split(',')) {
    const tag = sent.trim();
    if (tag === '*') return questionTag;
    const p = partsOf(tag);
    if (p !== null && p.generation === now.generation && p.question === now.question)
      return tag.startsWith('W/') ? tag : `W/${tag}`;
  }
  return null;
}

/** Whether one of the tags sent back holds this very answer to this question, at any generation. */
export function sameAnswer(header: string | undefined, answerTag: string): boolean {
  const now = partsOf(answerTag)!;
  return (header ?? '').split(',').some((tag) => {
    const p = partsOf(tag);
    return p !== null && p.question === now.question && p.answer === now.answer;
  });
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
    {
      store,
      maxAgeS,
      answerCacheBytes,
    }: { store: StorePort; maxAgeS: number; answerCacheBytes: number },
  ) {
    app.decorateRequest('graphqlEtag', null);
    const cacheControl = `public, max-age=0, s-maxage=${maxAgeS}, must-revalidate`;
    const answers = new AnswerCache(answerCacheBytes);
    const flights = new AnswerFlights();
    const cachingHeaders = (etag: string) => ({
      etag,
      'cache-control': cacheControl,
      vary: 'Accept, Authorization',
    });

    // After the key is checked and counted (onRequest, the rate limit's preHandler), before the query runs.
    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isGraphqlGet(request) || reply.sent) return;
      const etag = etagOf(await generationFor(request, store), request);
      request.graphqlEtag = etag;
      const header = request.headers['if-none-match'];
      const kept = sameQuestionNow(header, etag);
      if (kept !== null) return reply.code(304).headers(cachingHeaders(kept)).send();
      let answer = answers.get(etag);
      if (answer === undefined && answerCacheBytes > 0) {
        const flight = flights.joinOrStart(etag, reply);
        // The first asker executes the question; the others take its answer once it is kept.
        if (flight === null) return;
        await flight;
        answer = answers.get(etag);
      }
      // Not kept (an answer with errors, or too large to keep): executed for this asker too.
      if (answer === undefined) return;
      // Given as it was: this reply is not kept again, nor tagged again.
      request.graphqlEtag = null;
      if (sameAnswer(header, answer.etag))
        return reply.code(304).headers(cachingHeaders(answer.etag)).send();
      return reply
        .headers({ ...cachingHeaders(answer.etag), 'content-type': answer.contentType })
        .send(answer.body);
    });

    // Only a whole answer is tagged: one with errors (the store down, a bad argument) is asked
    // again; the GraphQL error formatter calls untag().
    app.addHook('onSend', async (request, reply, payload) => {
      const question = request.graphqlEtag;
      if (question === null || reply.statusCode !== 200) return payload;
      const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : null;
      const etag = body === null ? question : withAnswer(question, body);
      reply.headers(cachingHeaders(etag));
      const contentType = reply.getHeader('content-type');
      if (typeof body === 'string' && typeof contentType === 'string')
        answers.set(question, { body, etag, contentType });
      flights.land(question);
      if (body === null || !sameAnswer(request.headers['if-none-match'], etag)) return payload;
      // Asked again after a write, and the answer came out the same: the poller keeps its copy.
      reply.code(304);
      return '';
    });
  },
  { name: 'vendor-chain-http-cache', dependencies: ['vendor-chain-access'] },
);
