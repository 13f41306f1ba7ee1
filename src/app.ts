import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import explorerPlugin from './explorer/plugin.js';
import accessPlugin from './access/plugin.js';
import graphiqlPlugin from './graphiql/plugin.js';
import { signInOriginOf } from './http/page-csp.js';
import graphqlPlugin from './graphql/plugin.js';
import protections from './http/protections.js';
import registerBodies from './http/register-bodies.js';
import registerSheets from './http/register-sheets.js';
import { defaultSecurity, type SecurityConfig } from './security-config.js';
import { WholeGraph } from './worker/whole-graph.js';
import type { StorePort } from './store/port.js';
import { defaultLifecycle, type LifecycleConfig } from './config.js';
import { defaultDashboards, type DashboardConfig } from './dashboards/config.js';
import dashboardsPlugin from './dashboards/plugin.js';
import { RegisterChanges } from './dashboards/register-changes.js';
import { Subscriptions } from './dashboards/subscriptions.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: StorePort;
  }
}

export interface AppOptions {
  /** The caller's store: it opened it, and closes it after the app (the app never does). */
  store: StorePort;
  logger?: FastifyServerOptions['logger'];
  /** Keys, limits, hosts; the defaults are those of a loopback service. */
  security?: SecurityConfig;
  /** The sync limit and the clock; the defaults are 20% and the real time. */
  lifecycle?: LifecycleConfig;
  /** Caching, compression, persisted queries, subscriptions; the defaults of dashboards/config.ts. */
  dashboards?: DashboardConfig;
}

/** The service as a Fastify instance that never listens: server.ts and the tests share it. */
export async function buildApp({
  store,
  logger = false,
  security = defaultSecurity(),
  lifecycle = defaultLifecycle(),
  dashboards = defaultDashboards(),
}: AppOptions): Promise<FastifyInstance> {
  const wholeGraph = new WholeGraph(store, {
    threadFrom: security.wholeGraphWorkerFrom,
    maxFindings: security.maxFindingsPerAnswer,
  });
  const app = Fastify({
    logger,
    // The largest body any route takes; the access plugin holds readers to the smaller one.
    bodyLimit: security.registerBodyLimit,
    // A request that trickles in is cut off, and an idle connection closed (idle sockets).
    requestTimeout: security.requestTimeoutMs,
    connectionTimeout: security.requestTimeoutMs,
  });
  await app.register(
    fp(
      async (instance) => {
        instance.decorate('store', store);
        instance.addHook('onClose', () => wholeGraph.close());
        // The socket's idle timeout guards the arrival of a request; once it has arrived, an
        // answer may take longer to compute than that (the asker once saw the connection closed
        // and no answer). It guards the kept-alive connection again after the answer.
        // (Light-my-request's injected requests have a socket without timeouts.)
        instance.addHook('preHandler', async (request) => {
          request.raw.socket?.setTimeout?.(0);
        });
        instance.addHook('onResponse', async (request) => {
          request.raw.socket?.setTimeout?.(security.requestTimeoutMs);
        });
      },
      { name: 'vendor-chain-store' },
    ),
  );
  // Cheapest refusals first: the Host check and the per-address rate limit run before any key
  // is looked at, hooks running in the order their plugins are registered.
  await app.register(protections, { security });
  await app.register(accessPlugin, { security });
  await app.register(registerBodies, { fromBytes: security.importWorkerFromBytes });
  const changes = new RegisterChanges(store, dashboards.changePollMs, lifecycle.now, (error) =>
    app.log.warn({ err: error }, 'could not read the store for registerChanged'),
  );
  const subscriptions = new Subscriptions(changes, dashboards.subscriptionsPerKey);
  await app.register(dashboardsPlugin, { config: dashboards, changes, subscriptions });
  await app.register(graphqlPlugin, {
    limits: security.query,
    lifecycle,
    wholeGraph,
    dashboards: {
      config: dashboards,
      subscriptions,
    },
  });
  await app.register(registerSheets, { lifecycle, fileLimit: security.registerBodyLimit });
  const signInOrigin = signInOriginOf(security.oidc);
  await app.register(graphiqlPlugin, { signInOrigin });
  await app.register(explorerPlugin, { signInOrigin });
  // The reason goes to the log, not to whoever asks: it may name hosts and users of the store.
  app.get('/healthz', { config: { rateLimit: false } }, async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ok', store: store.kind };
    } catch (error) {
      request.log.warn({ reason: (error as Error).message }, 'healthz: store unavailable');
      return reply.code(503).send({ status: 'store unavailable', store: store.kind });
    }
  });
  return app;
}
