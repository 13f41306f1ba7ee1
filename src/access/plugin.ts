import { Transform, type TransformCallback } from 'node:stream';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
} from 'fastify';
import fp from 'fastify-plugin';
import { generationFor } from '../http/request-generation.js';
import { isUpgrade } from '../http/upgrade.js';
import { KeysByGeneration } from './keys-by-generation.js';
import { TooManyAttemptsError, VcError } from '../errors.js';
import type { SecurityConfig } from '../security-config.js';
import { authenticate } from './authenticate.js';
import { FailedAttempts } from './failed-attempts.js';
import { HashSlots } from './hash-slots.js';
import { OidcVerifier } from './oidc.js';
import { SHEETS_ROUTE } from '../http/register-sheets.js';
import { roleAtLeast, type ApiKey, type Principal } from './model.js';
import { LRUCache } from 'lru-cache';
import { ScopedStore } from '../domain/scope/scoped-store.js';
import type { StorePort } from '../store/port.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /**
     * The store as this request's principal may see it, on the guarded routes: the whole store,
     * or for a key scoped to controllers a view of only their chains (domain/scope/).
     */
    view: StorePort | null;
  }
  interface FastifyInstance {
    /**
     * Who a WebSocket's connection_init names (its Authorization value), checked as an HTTP
     * request's header is (keys and single sign-on tokens alike, counted against `address`'s
     * failure limit), with the store as they may see it. Throws the same UNAUTHENTICATED,
     * FORBIDDEN or RATE_LIMITED errors.
     */
    identifyConnection(
      authorization: string | undefined,
      address: string | undefined,
    ): Promise<{ principal: Principal; view: StorePort }>;
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
    app.decorateRequest('view', null);
    // One view per scope, shared by its requests: it keeps its chains until the store changes.
    const views = new LRUCache<string, ScopedStore>({ max: 100 });
    const viewOf = (principal: Principal): StorePort => {
      if (!principal.controllers) return app.store;
      const key = principal.controllers.join(',');
      let view = views.get(key);
      if (!view) views.set(key, (view = new ScopedStore(app.store, principal.controllers)));
      return view;
    };
    const failures = new FailedAttempts(security.authFailuresPerMinute);
    const slots = new HashSlots(security.keyHashesAtOnce, security.keyHashesWaiting);
    const oidc = security.oidc ? new OidcVerifier(security.oidc) : null;
    const keys = new KeysByGeneration(app.store);

    /**
     * A key or token sent from `address`, checked against its failure limit: a check counts from
     * the moment it starts and is taken back when it proves valid, or when it failed for a reason
     * not the client's (the service was busy, the store did not answer).
     */
    const checked = async (
      address: string,
      header: string | undefined,
      keysNow?: () => Promise<ApiKey[]>,
    ): Promise<Principal> => {
      const presented = header !== undefined && header !== '';
      const mayHash = presented && failures.begin(address);
      try {
        const principal = await authenticate(app.store, header, security.loopback, {
          slots,
          mayHash,
          oidc,
          ...(keysNow ? { keys: keysNow } : {}),
        });
        if (mayHash) failures.succeeded(address);
        return principal;
      } catch (error) {
        const refused =
          error instanceof VcError &&
          (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN');
        if (mayHash && !refused) failures.succeeded(address);
        throw error;
      }
    };
    const held = (error: TooManyAttemptsError, retryAfter: number) =>
      `${error.message}: the limit (AUTH_FAILURES_PER_MINUTE) is ${security.authFailuresPerMinute} a minute; retry in ${retryAfter} s`;

    // Who is asking, for the guarded routes: a route-level hook, appended after the per-address
    // rate limit's (protections.ts, registered first, adds its own the same way), so the Host
    // check, then the rate limit, then the key check run in that order; and no key is hashed for
    // an address that has failed too often.
    const identify: onRequestAsyncHookHandler = async (request, reply) => {
      // A WebSocket's key comes in its connection_init message (src/dashboards/subscriptions.ts):
      // a browser cannot set headers on one. Node marks only a real upgrade, which no HTTP handler serves.
      if (isUpgrade(request)) return;
      try {
        request.principal = await checked(request.ip, request.headers.authorization, async () =>
          keys.at(await generationFor(request, app.store)),
        );
        request.view = viewOf(request.principal);
      } catch (error) {
        if (error instanceof VcError && error.code === 'UNAUTHENTICATED')
          return refuse(reply, 401, error.code, error.message);
        if (error instanceof VcError && error.code === 'FORBIDDEN')
          return refuse(reply, 403, error.code, error.message);
        if (error instanceof TooManyAttemptsError) {
          const after = failures.retryAfter(request.ip);
          reply.header('retry-after', String(after));
          return refuse(reply, 429, error.code, held(error, after));
        }
        if (error instanceof VcError && error.code === 'RATE_LIMITED') {
          reply.header('retry-after', '1');
          return refuse(reply, 503, error.code, error.message);
        }
        throw error;
      }
    };
    app.decorate(
      'identifyConnection',
      async (authorization: string | undefined, address: string | undefined) => {
        // Connections whose address is not known share one count: never a check left uncounted.
        const from = address ?? 'unknown WebSocket address';
        try {
          const principal = await checked(from, authorization);
          return { principal, view: viewOf(principal) };
        } catch (error) {
          if (error instanceof TooManyAttemptsError)
            throw new VcError(error.code, held(error, failures.retryAfter(from)));
          throw error;
        }
      },
    );
    // What the browser pages sign in with (src/explorer/client/sign-in.ts); null: keys only.
    app.get('/auth/config', async () => ({
      signIn:
        security.oidc?.clientId === undefined
          ? null
          : {
              issuer: security.oidc.issuer,
              clientId: security.oidc.clientId,
              audience: security.oidc.audience,
              scope: security.oidc.scope,
              resource: security.oidc.sendResource === false ? null : security.oidc.audience,
              signOutAtProvider: security.oidc.signOutAtProvider !== false,
            },
    }));

    app.addHook('onRoute', (route) => {
      if (!GUARDED.has(route.url)) return;
      const hooks = route.onRequest;
      route.onRequest = [...(Array.isArray(hooks) ? hooks : hooks ? [hooks] : []), identify];
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
  {
    name: 'vendor-chain-access',
    dependencies: ['vendor-chain-store', 'vendor-chain-protections'],
  },
);
