import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import explorerPlugin from './explorer/plugin.js';
import accessPlugin from './access/plugin.js';
import graphiqlPlugin from './graphiql/plugin.js';
import graphqlPlugin from './graphql/plugin.js';
import protections from './http/protections.js';
import registerBodies from './http/register-bodies.js';
import { defaultSecurity, type SecurityConfig } from './security-config.js';
import { WholeGraph } from './worker/whole-graph.js';
import type { StorePort } from './store/port.js';
import { defaultLifecycle, type LifecycleConfig } from './config.js';

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
}

/** The service as a Fastify instance that never listens: server.ts and the tests share it. */
export async function buildApp({
  store,
  logger = false,
  security = defaultSecurity(),
  lifecycle = defaultLifecycle(),
}: AppOptions): Promise<FastifyInstance> {
  const wholeGraph = new WholeGraph(store, {
    threadFrom: security.wholeGraphWorkerFrom,
    maxFindings: security.maxFindingsPerAnswer,
  });
  const app = Fastify({
    logger,
    // The largest body any route takes; the access plugin holds readers to the smaller one.
    bodyLimit: security.registerBodyLimit,
    // A body that trickles in is cut off; the connection's idle time is bounded too.
    requestTimeout: security.requestTimeoutMs,
    connectionTimeout: security.requestTimeoutMs,
  });
  await app.register(
    fp(
      async (instance) => {
        instance.decorate('store', store);
        instance.addHook('onClose', () => wholeGraph.close());
      },
      { name: 'vendor-chain-store' },
    ),
  );
  await app.register(accessPlugin, { security });
  await app.register(registerBodies, { fromBytes: security.importWorkerFromBytes });
  await app.register(protections, { security });
  await app.register(graphqlPlugin, { limits: security.query, lifecycle, wholeGraph });
  await app.register(graphiqlPlugin);
  await app.register(explorerPlugin);
  app.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await store.ping();
      return { status: 'ok', store: store.kind };
    } catch (error) {
      return reply
        .code(503)
        .send({ status: 'unavailable', store: store.kind, reason: (error as Error).message });
    }
  });
  return app;
}
