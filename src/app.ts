import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import explorerPlugin from './explorer/plugin.js';
import graphiqlPlugin from './graphiql/plugin.js';
import graphqlPlugin from './graphql/plugin.js';
import type { StorePort } from './store/port.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: StorePort;
  }
}

export interface AppOptions {
  store: StorePort;
  logger?: FastifyServerOptions['logger'];
}

/** The service as a Fastify instance that never listens: server.ts and the tests share it. */
export async function buildApp({ store, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 64 * 1024 * 1024 });
  await app.register(
    fp(async (instance) => {
      instance.decorate('store', store);
      instance.addHook('onClose', async () => store.close());
    }, { name: 'vendor-chain-store' }),
  );
  await app.register(graphqlPlugin);
  await app.register(graphiqlPlugin);
  await app.register(explorerPlugin);
  app.get('/healthz', async (_request, reply) => {
    try {
      await store.ping();
      return { status: 'ok', store: store.kind };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', store: store.kind, reason: (error as Error).message });
    }
  });
  return app;
}
