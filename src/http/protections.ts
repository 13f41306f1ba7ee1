import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { SecurityConfig } from '../security-config.js';

// Headers, origins, hosts and request rates, for every route. Each is a well-kept Fastify plugin;
// only the Host allow-list, a few lines, is ours.

/** The host a Host header names, without its port; `[::1]:4000` → `[::1]`. */
export function hostOf(header: string | undefined): string {
  if (!header) return '';
  const bracketed = /^(\[[^\]]*\])(?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return header.replace(/:\d+$/, '').toLowerCase();
}

export default fp(
  async function protections(app: FastifyInstance, { security }: { security: SecurityConfig }) {
    // A page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own name
    // as Host: refused, so it cannot read the store through the visitor's browser.
    const allowed =
      security.allowedHosts === null
        ? null
        : new Set(security.allowedHosts.map((h) => h.toLowerCase()));
    app.addHook('onRequest', async (request, reply) => {
      if (allowed === null || allowed.has(hostOf(request.headers.host))) return;
      return reply.code(421).send({
        data: null,
        errors: [
          {
            message: `the Host "${hostOf(request.headers.host)}" is not one this service answers to (ALLOWED_HOSTS)`,
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    });
    // GraphiQL sends its own, stricter policy; helmet's defaults cover every other route.
    await app.register(helmet, { global: true });
    await app.register(cors, {
      origin: security.corsOrigins.length === 0 ? false : security.corsOrigins,
    });
    // Per client address, at onRequest: before the access check, so a flood of requests is cut off
    // before any of them costs a key hash.
    await app.register(rateLimit, {
      global: true,
      hook: 'onRequest',
      max: security.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => request.ip,
      // Thrown as an error, so the GraphQL error formatter answers it in the usual shape.
      errorResponseBuilder: (_request, context) =>
        Object.assign(
          new Error(
            `too many requests: the limit (RATE_LIMIT_PER_MINUTE) is ${context.max} a minute; retry in ${context.after}`,
          ),
          { statusCode: context.statusCode, code: 'RATE_LIMITED' },
        ),
    });
  },
  { name: 'vendor-chain-protections' },
);
