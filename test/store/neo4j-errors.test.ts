import neo4j, { isRetryableError, Neo4jError } from 'neo4j-driver';
import t from 'tap';
import { MEMORY_SETTINGS, readError, toStoreError } from '../../src/store/neo4j/errors.js';
import { openNeo4jStore } from '../../src/store/neo4j/index.js';
import { loadConfig } from '../../src/config.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { perfThreshold } from '../helpers/perf.js';

// How Neo4j's refusals reach users: what retrying cannot fix (memory, privileges, a database that
// does not exist) must not be reported as "unavailable, try again shortly".

const URI = 'bolt://db:7687';
const mapped = (code: string, message: string) =>
  toStoreError(new Neo4jError(message, code, '50N42', 'error'), URI);

t.test('memory limits name the settings to raise and are not "retry later"', async (t) => {
  const limit =
    'The allocation of an extra 2.0 MiB would use more than the limit 20.0 MiB. Currently using 19.0 MiB. dbms.memory.transaction.total.max threshold reached';
  for (const code of [
    'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
    'Neo.TransientError.General.TransactionMemoryLimit',
    'Neo.TransientError.General.OutOfMemoryError',
    'Neo.DatabaseError.General.OutOfMemoryError',
  ]) {
    const error = mapped(code, `${limit}\n  at somewhere`);
    t.match(error, { code: 'VC_STORE_REFUSED', details: { neo4jCode: code } }, code);
    t.match(
      (error as Error).message,
      /server\.memory\.heap\.max_size.*dbms\.memory\.transaction\.total\.max.*db\.memory\.transaction\.total\.max.*NEO4J_server_memory_heap_max__size/,
    );
    t.match(
      (error as Error).message,
      /threshold reached\): .*retrying will not help$/,
      "the first line of Neo4j's reason, then what to do",
    );
    t.notMatch((error as Error).message, /try again/);
  }
  t.match(
    mapped(
      'Neo.DatabaseError.Statement.ExecutionFailed',
      'org.neo4j.memory.MemoryPoolOutOfMemoryError: too much',
    ),
    { code: 'VC_STORE_REFUSED' },
    'named only in the message',
  );
  t.match(MEMORY_SETTINGS, /NEO4J_dbms_memory_transaction_total_max/);
  t.match(
    mapped('Neo.TransientError.General.DatabaseUnavailable', 'starting'),
    { code: 'VC_STORE_UNAVAILABLE' },
    'other transient errors still say retry',
  );
});

t.test(
  'a database that does not exist is a configuration error naming NEO4J_DATABASE',
  async (t) => {
    t.match(
      mapped(
        'Neo.ClientError.Database.DatabaseNotFound',
        "Database does not exist. Database name: 'nosuchdb'.",
      ),
      {
        code: 'VC_CONFIG',
        details: { variable: 'NEO4J_DATABASE' },
        message:
          /^NEO4J_DATABASE: Neo4j at bolt:\/\/db:7687 has no such database \(Database does not exist\. Database name: 'nosuchdb'\.\)/,
      },
    );
  },
);

t.test(
  'a missing privilege is refused, not "unavailable"; wrong credentials stay as they were',
  async (t) => {
    for (const code of [
      'Neo.ClientError.Security.Forbidden',
      'Neo.ClientError.Security.AuthProviderFailed',
    ]) {
      t.match(
        mapped(code, 'Executing a write query is not allowed for user'),
        {
          code: 'VC_STORE_REFUSED',
          message: /NEO4J_USER.*grant the privilege/,
          details: { neo4jCode: code },
        },
        code,
      );
    }
    t.match(mapped('Neo.ClientError.Security.Unauthorized', 'bad credentials'), {
      code: 'VC_STORE_UNAVAILABLE',
    });
    t.match(mapped('Neo.ClientError.Security.AuthorizationExpired', 'renew'), {
      code: 'VC_STORE_UNAVAILABLE',
    });
  },
);

const skip = neo4jSkip('start-up against a live Neo4j');
t.test(
  'start-up naming a database the live server does not have exits at once with VC_CONFIG',
  { skip },
  async (t) => {
    const env = {
      STORE: 'neo4j',
      NEO4J_URI: process.env.NEO4J_URI!,
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? 'auth-disabled',
    };
    const started = Date.now();
    await t.rejects(
      openNeo4jStore({ ...loadConfig(env).neo4j!, database: 'nosuchdb', connectTimeoutS: 60 }),
      {
        code: 'VC_CONFIG',
        message: /^NEO4J_DATABASE: .*nosuchdb/,
      },
    );
    perfThreshold(
      t,
      Date.now() - started < 10_000,
      `no retries for the 60 s connect timeout (${Date.now() - started} ms)`,
    );
    // The service itself: one line and the configuration exit code. With an hour to connect, only an
    // immediate refusal ends it before tap's timeout.
    const server = spawnTs('src/server.ts', [], {
      ...env,
      NEO4J_DATABASE: 'nosuchdb',
      NEO4J_CONNECT_TIMEOUT_S: '3600',
      DEMO: '0',
      PORT: '0',
    });
    const { code, stderr } = await exitOf(server);
    t.equal(code, 2, 'the configuration exit code');
    t.match(
      stderr,
      /^vendor-chain: NEO4J_DATABASE: Neo4j at bolt:\S+ has no such database \(Graph not found: nosuchdb\); name an existing database/,
    );
  },
);

t.test(
  'a read Neo4j stops at its time limit is a clear error naming the limit, not an internal one',
  { skip },
  async (t) => {
    const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic('neo4j', 'unused'));
    const session = driver.session();
    t.teardown(async () => {
      await session.close();
      await driver.close();
    });
    // A question that runs for minutes, stopped by the server after 100 ms: the error is the
    // server's own, as a blast radius or scan would get it.
    const stopped = await session
      .executeRead(
        (tx) => tx.run('UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x)'),
        { timeout: 100 },
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    t.match(stopped, { code: /^Neo\.ClientError\.Transaction\.TransactionTimedOut/ });
    // The store reads with an auto-commit query first: stopped the same way, with the same code.
    const stoppedAutoCommit = await session
      .run(
        'UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x)',
        {},
        {
          timeout: 100,
        },
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    t.match(stoppedAutoCommit, { code: /^Neo\.ClientError\.Transaction\.TransactionTimedOut/ });
    t.notOk(isRetryableError(stoppedAutoCommit), 'and it is not read again');
    const error = readError(stopped, 'entrustment/upstream-round', 2.5);
    t.match(error, {
      code: 'VC_STORE_BUSY',
      details: { query: 'entrustment/upstream-round', timeoutS: 2.5 },
    });
    t.match(
      (error as Error).message,
      /^the store stopped this question after 2\.5 s, its time limit for one read \(NEO4J_READ_TIMEOUT_S\); ask again/,
    );
    t.equal(readError(new Error('other'), 'q', 1) instanceof Error, true, 'others pass unchanged');
  },
);
