import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { constants } from 'node:zlib';
import type { DashboardConfig } from './config.js';
import httpCache from './http-cache.js';
import type { RegisterChanges } from './register-changes.js';
import type { Subscriptions } from './subscriptions.js';

// What a dashboard gets over plain HTTP (ETag and 304, compression), and the end of its live
// subscriptions when the service closes. Registered before the routes it serves.

export default fp(
  async function dashboards(
    app: FastifyInstance,
    {
      config,
      changes,
      subscriptions,
    }: { config: DashboardConfig; changes: RegisterChanges; subscriptions: Subscriptions },
  ) {
    await app.register(httpCache, {
      store: app.store,
      maxAgeS: config.cacheMaxAgeS,
      answerCacheBytes: config.answerCacheBytes,
    });
    await app.register(compress, {
      global: true,
      threshold: config.compressFromBytes,
      encodings: ['br', 'gzip', 'deflate'],
      // Brotli's default (quality 11) costs more time than a poller saves in bytes.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    });
    // Before the server stops: every subscriber is sent `complete`, then its socket closes.
    app.addHook('preClose', async () => {
      subscriptions.endAll();
      changes.close();
    });
  },
  { name: 'vendor-chain-dashboards', dependencies: ['vendor-chain-store', 'vendor-chain-access'] },
);
