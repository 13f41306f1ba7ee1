import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { run } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { driverConfig } from '../../src/store/neo4j/index.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import neo4j from 'neo4j-driver';

// The schema is created by `vendor-chain migrate`; the service only checks it at start, and
// refuses to start in one line naming what is missing.

const skip = neo4jSkip('the schema migration');

const captured = () => {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (s) => void out.push(s), err: (s) => void err.push(s), width: 120 };
  return { out, err, output };
};

t.test('driver settings: a retry budget by scheme, an explicit pool', async (t) => {
  const base = { user: 'neo4j', password: 'unused-password', connectTimeoutS: 1 };
  const cluster = driverConfig({ ...base, uri: 'neo4j://db:7687' });
  const direct = driverConfig({ ...base, uri: 'bolt://db:7687' });
  t.equal(cluster.maxTransactionRetryTime, 20_000, 'a cluster: through a leader election');
  t.equal(direct.maxTransactionRetryTime, 1_000, 'one server: fail fast while it is down');
  t.equal(
    driverConfig({ ...base, uri: 'neo4j://db:7687', retryS: 30 }).maxTransactionRetryTime,
    30_000,
    'NEO4J_RETRY_S wins',
  );
  t.equal(cluster.maxConnectionPoolSize, 50);
  t.equal(driverConfig({ ...base, uri: 'bolt://db', poolSize: 8 }).maxConnectionPoolSize, 8);
  t.match(cluster, {
    connectionAcquisitionTimeout: Number,
    maxConnectionLifetime: Number,
    connectionLivenessCheckTimeout: Number,
  });
  const config = loadConfig({
    STORE: 'neo4j',
    NEO4J_URI: 'neo4j://db:7687',
    NEO4J_PASSWORD: 'long-enough',
    NEO4J_RETRY_S: '25',
    NEO4J_POOL_SIZE: '20',
  });
  t.match(config.neo4j, { retryS: 25, poolSize: 20 });
  t.throws(
    () =>
      loadConfig({
        STORE: 'neo4j',
        NEO4J_URI: 'neo4j://db:7687',
        NEO4J_PASSWORD: 'long-enough',
        NEO4J_POOL_SIZE: '0',
      }),
    { message: /NEO4J_POOL_SIZE: expected a whole number from 1 to 1000/ },
  );
});

t.test('migrate creates the schema; --check names what is missing', { skip }, async (t) => {
  const env = { ...process.env, STORE: 'neo4j' };
  const cfg = loadConfig(env).neo4j!;
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
  t.teardown(async () => {
    await run(['migrate'], env, captured().output);
    await driver.close();
  });
  const migrated = captured();
  t.equal(await run(['migrate'], env, migrated.output), 0, migrated.err.join(''));
  t.match(migrated.out.join(''), /the schema is in place and online/);

  await driver.executeQuery('DROP INDEX party_kind IF EXISTS', {}, { database: cfg.database });
  const checked = captured();
  t.not(await run(['migrate', '--check'], env, checked.output), 0, 'fails');
  t.match(
    checked.err.join(''),
    /^vendor-chain: NEO4J_URI: Neo4j at [^\n]* lacks its schema: indexes party_kind missing or not online: run `vendor-chain migrate`\n?$/,
    'in one line, naming the index',
  );
  t.equal(await run(['migrate'], env, captured().output), 0);
  const again = captured();
  t.equal(await run(['migrate', '--check'], env, again.output), 0, again.err.join(''));
});
