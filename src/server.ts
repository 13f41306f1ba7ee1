import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { VcError } from './errors.js';
import { loadDemoIfEmpty } from './register/demo.js';
import { openStore } from './store/open.js';

async function main(config: Config): Promise<void> {
  const store = await openStore(config);
  const app = await buildApp({ store, logger: { level: config.logLevel } });
  if (config.demo) await loadDemoIfEmpty(store, app.log);
  const close = async (signal: string) => {
    app.log.info({ signal }, 'closing');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`GraphiQL at http://${config.host}:${config.port}/graphiql`);
}

// A bad configuration or an unreachable store is one line on stderr and a non-zero exit.
try {
  await main(loadConfig());
} catch (error) {
  const message = error instanceof VcError ? error.message : `could not start: ${(error as Error).message}`;
  process.stderr.write(`vendor-chain: ${message}\n`);
  process.exit(error instanceof VcError && error.code === 'VC_CONFIG' ? 2 : 1);
}
