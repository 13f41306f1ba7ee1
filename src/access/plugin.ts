import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isUpgrade } from '../http/upgrade.js';
import { VcError } from '../errors.js';
import type { SecurityConfig } from '../security-config.js';
import { authenticate } from './authenticate.js';
import { SHEETS_ROUTE } from '../http/register-sheets.js';
import { roleAtLeast, type Principal } from './model.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

// Routes that answer with the store's contents; /healthz and the GraphiQL page stay open (the
// page holds no data: its queries go to /graphql with the key typed into its headers tab).
const GUARDED = new Set(['/graphql', SHEETS_ROUTE]);

const guarded = (request: FastifyRequest) => GUARDED.has(request.routeOptions.url ?? '');

/** An error GraphQL clients read like any other, with the HTTP status that fits it. */
function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).send({ data: null, errors: [{ message, extensions: { code } }] });
}

/** Counts the bytes of a body as they arrive and stops at the limit, whatever Content-Length said. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(
    private readonly limit: number,
    private readonly message: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit)
      return done(
        Object.assign(new Error(this.message), { statusCode: 413, code: 'BAD_USER_INPUT' }),
      );
    done(null, chunk);
  }
}

export default fp(
  async function accessPlugin(app: FastifyInstance, { security }: { security: SecurityConfig }) {
    app.decorateRequest('principal', null);

    app.addHook('onRequest', async (request, reply) => {
      // A WebSocket's key comes in its connection_init message (src/dashboards/subscriptions.ts):
      // a browser cannot set headers on one. Node marks only a real upgrade, which no HTTP handler serves.
      if (!guarded(request) || isUpgrade(request)) return;
      try {
        request.principal = await authenticate(
          app.store,
          request.headers.authorization,
          security.loopback,
        );
      } catch (error) {
        if (error instanceof VcError && error.code === 'UNAUTHENTICATED')
          return refuse(reply, 401, error.code, error.message);
        throw error;
      }
    });

    // Registers are large by nature, so only editors may send large bodies.
    app.addHook('preParsing', async (request, reply, payload) => {
      if (!guarded(request)) return payload;
      const editor = request.principal !== null && roleAtLeast(request.principal.role, 'editor');
      const limit = editor ? security.registerBodyLimit : security.queryBodyLimit;
      const message = `the request body is larger than ${limit} bytes, the limit for ${editor ? 'editors' : 'readers'} (${editor ? 'REGISTER_BODY_LIMIT_BYTES' : 'QUERY_BODY_LIMIT_BYTES'})`;
      if (Number(request.headers['content-length'] ?? 0) > limit) {
        refuse(reply, 413, 'BAD_USER_INPUT', message);
        return payload;
      }
      // @fastify/multipart reads the raw request itself: a pipe here would be a second reader
      // that nobody drains, and stall the upload. Its own fileSize limit counts those bytes.
      if (/^multipart\//i.test(request.headers['content-type'] ?? '')) return payload;
      return payload.pipe(new ByteLimit(limit, message));
    });
  },
  { name: 'vendor-chain-access', dependencies: ['vendor-chain-store'] },
);
