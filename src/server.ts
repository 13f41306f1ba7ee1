import { accessAtStart } from './access/start-check.js';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { VcError } from './errors.js';
import { loadDemoIfEmpty } from './register/demo.js';
import { openStore } from './store/open.js';

async function main(config: Config): Promise<void> {
  // The service never changes Neo4j's schema: `vendor-chain migrate` does (docs/operations.md).
  const store = await openStore(config, { schema: 'check' });
  let access: 'keys' | 'anonymous';
  try {
    access = await accessAtStart(
      store,
      config.host,
      config.security.loopback,
      config.security.oidc !== null,
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  // Keys never reach the log, even at trace level where headers could be logged.
  const app = await buildApp({
    store,
    security: config.security,
    lifecycle: config.lifecycle,
    dashboards: config.dashboards,
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
  });
  if (access === 'anonymous')
    app.log.warn(
      'no API key exists: serving anonymously, with every role, on the loopback address only; create a key with `vendor-chain keys create` to require keys',
    );
  if (config.demo) await loadDemoIfEmpty(store, app.log);
  // Requests in flight finish and subscribers are sent `complete` (src/dashboards/plugin.ts);
  // what is still open when the timeout runs out is cut off.
  const close = async (signal: string) => {
    app.log.info({ signal }, 'closing');
    const timeout = setTimeout(() => {
      app.log.warn(
        { timeoutMs: config.dashboards.shutdownTimeoutMs },
        'requests still open at the shutdown timeout (SHUTDOWN_TIMEOUT_S): closing them',
      );
      app.server.closeAllConnections();
      process.exit(1);
    }, config.dashboards.shutdownTimeoutMs);
    timeout.unref();
    // A keep-alive connection whose last request was in flight at the signal stays open once
    // answered, and would hold the close until its idle timeout: close such ones as they go idle.
    const idle = setInterval(() => app.server.closeIdleConnections(), 100);
    idle.unref();
    await app.close();
    app.log.info('closed');
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  const address = await app.listen({ host: config.host, port: config.port });
  // The address listened on, with the port the system chose when PORT=0.
  app.log.info(`GraphiQL at ${address}/graphiql, the explorer at ${address}/explorer`);
}

// A bad configuration or an unreachable store is one line on stderr and a non-zero exit.
try {
  await main(loadConfig());
} catch (error) {
  const message =
    error instanceof VcError ? error.message : `could not start: ${(error as Error).message}`;
  process.stderr.write(`vendor-chain: ${message}\n`);
  process.exit(error instanceof VcError && error.code === 'VC_CONFIG' ? 2 : 1);
}
