import t from 'tap';
import { uriForDisplay } from '../src/uri-for-display.js';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { defaultSecurity, isLoopback } from '../src/security-config.js';
import { defaultDashboards } from '../src/dashboards/config.js';

t.test('defaults give the embedded store on 127.0.0.1:4000 with the demo', async (t) => {
  const { lifecycle, ...rest } = loadConfig({});
  t.same(rest, {
    host: '127.0.0.1',
    port: 4000,
    store: 'embedded',
    dataDir: './data',
    demo: true,
    logLevel: 'info',
    neo4j: null,
    security: defaultSecurity('127.0.0.1'),
    dashboards: defaultDashboards(),
  });
  t.equal(lifecycle.retireLimitPercent, 20, 'a sync may retire 20% of its scope without force');
  t.ok(Math.abs(lifecycle.now().getTime() - Date.now()) < 5_000, 'writes record the real time');
  t.equal(loadConfig({ DEMO: '0' }).demo, false);
});

t.test('neo4j needs its URI and password', async (t) => {
  const cfg = loadConfig({
    STORE: 'neo4j',
    NEO4J_URI: 'neo4j://localhost:7687',
    NEO4J_PASSWORD: 'password',
  });
  t.same(cfg.neo4j, {
    uri: 'neo4j://localhost:7687',
    user: 'neo4j',
    password: 'password',
    database: undefined,
    connectTimeoutS: 60,
    readTimeoutS: 30,
    stageImportsFrom: 20_000,
    recordsPerStage: 10_000,
  });
  const neo4j = { STORE: 'neo4j', NEO4J_URI: 'neo4j://localhost:7687', NEO4J_PASSWORD: 'password' };
  t.equal(
    loadConfig({ ...neo4j, NEO4J_STAGE_IMPORTS_FROM: '1' }).neo4j!.stageImportsFrom,
    1,
    'every write staged',
  );
  t.equal(loadConfig({ ...neo4j, NEO4J_READ_TIMEOUT_S: '2.5' }).neo4j!.readTimeoutS, 2.5);
  for (const bad of ['0', '-1', '3601', 'soon'])
    t.throws(
      () => loadConfig({ ...neo4j, NEO4J_READ_TIMEOUT_S: bad }),
      {
        message: new RegExp(
          `^NEO4J_READ_TIMEOUT_S: expected seconds, more than 0 and at most 3600 \\(got "${bad}"\\)$`,
        ),
      },
      `NEO4J_READ_TIMEOUT_S=${bad}`,
    );
  t.throws(() => loadConfig({ ...neo4j, NEO4J_STAGE_IMPORTS_FROM: '0' }), {
    message: /^NEO4J_STAGE_IMPORTS_FROM: .*\(got "0"\)$/,
  });
  t.throws(() => loadConfig({ ...neo4j, NEO4J_RECORDS_PER_STAGE: 'many' }), {
    message: /^NEO4J_RECORDS_PER_STAGE: .*\(got "many"\)$/,
  });
  t.throws(() => loadConfig({ STORE: 'neo4j', NEO4J_PASSWORD: 'password' }), {
    message: 'NEO4J_URI: is required when STORE=neo4j',
  });
  t.throws(() => loadConfig({ STORE: 'neo4j', NEO4J_URI: 'neo4j://x' }), {
    message: 'NEO4J_PASSWORD: is required when STORE=neo4j',
  });
});

t.test('a Neo4j password under 8 characters is refused without echoing it', async (t) => {
  const env = { STORE: 'neo4j', NEO4J_URI: 'neo4j://localhost:7687' };
  const error = t.throws(() => loadConfig({ ...env, NEO4J_PASSWORD: 'secret7' })) as ConfigError;
  t.match(error, {
    code: 'VC_CONFIG',
    details: { variable: 'NEO4J_PASSWORD' },
    message: /^NEO4J_PASSWORD: has 7 characters; Neo4j 5 refuses passwords under 8 characters/,
  });
  t.notMatch(error.message, /secret7/, 'the password is not in the message');
  t.equal(
    loadConfig({ ...env, NEO4J_PASSWORD: 'secret78' }).neo4j?.password,
    'secret78',
    '8 characters are enough',
  );
  t.equal(
    loadConfig({ NEO4J_PASSWORD: 'short' }).store,
    'embedded',
    'only checked when STORE=neo4j',
  );
});

t.test('a bad variable is named with its value', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), {
    code: 'VC_CONFIG',
    message: 'PORT: expected a port number from 0 to 65535 (got "eighty")',
  });
  t.ok(
    (() => {
      try {
        loadConfig({ PORT: '-1' });
      } catch (e) {
        return e instanceof ConfigError;
      }
    })(),
    'a ConfigError',
  );
  t.throws(() => loadConfig({ STORE: 'postgres' }), {
    message: /^STORE: .*(embedded|neo4j).*\(got "postgres"\)$/,
  });
  t.throws(() => loadConfig({ DEMO: 'yes' }), { message: /^DEMO: / });
  t.throws(
    () => loadConfig({ STORE: 'neo4j', NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'password' }),
    { message: /^NEO4J_URI: expected a URI like neo4j:\/\/localhost:7687/ },
  );
});

t.test(
  'security: loopback decides anonymous access and the default Host allow-list; limits come from the environment',
  async (t) => {
    t.same(['127.0.0.1', '127.8.0.1', '::1', '[::1]', 'localhost'].map(isLoopback), [
      true,
      true,
      true,
      true,
      true,
    ]);
    t.same(['0.0.0.0', '::', '192.168.1.2', 'example.org', '128.0.0.1'].map(isLoopback), [
      false,
      false,
      false,
      false,
      false,
    ]);
    const local = loadConfig({}).security;
    t.same(
      [local.loopback, local.allowedHosts, local.corsOrigins],
      [true, ['localhost', '127.0.0.1', '[::1]'], []],
    );
    const open = loadConfig({
      HOST: '0.0.0.0',
      ALLOWED_HOSTS: 'api.city.example, 10.0.0.5',
      CORS_ORIGINS: 'https://dash.city.example',
      RATE_LIMIT_PER_MINUTE: '60',
      REGISTER_BODY_LIMIT_BYTES: '2048',
      REQUEST_TIMEOUT_S: '5',
      MAX_QUERY_COST: '10',
      MAX_QUERY_DEPTH: '4',
    }).security;
    t.same(
      [
        open.loopback,
        open.allowedHosts,
        open.corsOrigins,
        open.rateLimitPerMinute,
        open.registerBodyLimit,
        open.requestTimeoutMs,
        open.query.maxCost,
        open.query.maxDepth,
      ],
      [
        false,
        ['api.city.example', '10.0.0.5'],
        ['https://dash.city.example'],
        60,
        2048,
        5000,
        10,
        4,
      ],
    );
    t.equal(
      loadConfig({ HOST: '0.0.0.0' }).security.allowedHosts,
      null,
      'keys protect a non-loopback service; the allow-list is opt-in there',
    );
    t.throws(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }), {
      message: /^RATE_LIMIT_PER_MINUTE: expected a whole number from 1 to 1000000 \(got "0"\)$/,
    });
    t.throws(() => loadConfig({ QUERY_BODY_LIMIT_BYTES: 'lots' }), {
      message: /^QUERY_BODY_LIMIT_BYTES: expected a whole number/,
    });
    t.equal(
      local.importWorkerFromBytes,
      256 * 1024,
      'registers from 256 KiB up are imported in a worker thread',
    );
    t.equal(loadConfig({ IMPORT_WORKER_FROM_BYTES: '0' }).security.importWorkerFromBytes, 0);
    t.throws(() => loadConfig({ IMPORT_WORKER_FROM_BYTES: '-1' }), {
      message:
        /^IMPORT_WORKER_FROM_BYTES: expected a whole number from 0 to 1073741824 \(got "-1"\)$/,
    });
    t.equal(
      local.wholeGraphWorkerFrom,
      5000,
      'whole-graph answers on graphs of 5,000 entrustments or more are computed in a worker thread',
    );
    t.equal(loadConfig({ WHOLE_GRAPH_WORKER_FROM: '0' }).security.wholeGraphWorkerFrom, 0);
    t.throws(() => loadConfig({ WHOLE_GRAPH_WORKER_FROM: 'soon' }), {
      message:
        /^WHOLE_GRAPH_WORKER_FROM: expected a whole number from 0 to 1000000000 \(got "soon"\)$/,
    });
    t.equal(local.maxFindingsPerAnswer, 10_000, 'one answer holds at most 10,000 findings');
    t.equal(loadConfig({ MAX_FINDINGS_PER_ANSWER: '500' }).security.maxFindingsPerAnswer, 500);
    t.throws(() => loadConfig({ MAX_FINDINGS_PER_ANSWER: '0' }), {
      message: /^MAX_FINDINGS_PER_ANSWER: expected a whole number from 1 to 1000000 \(got "0"\)$/,
    });
  },
);

t.test(
  'lifecycle: the sync limit, a fixed clock for reproducible outputs, the CLI user',
  async (t) => {
    const cfg = loadConfig({
      SYNC_RETIRE_LIMIT_PERCENT: '50',
      SOURCE_DATE_EPOCH: '1711962000',
      CLI_USER: 'ci.pipeline',
    });
    t.same(
      [cfg.lifecycle.retireLimitPercent, cfg.lifecycle.now().toISOString(), cfg.cliUser],
      [50, '2024-04-01T09:00:00.000Z', 'ci.pipeline'],
    );
    t.equal(
      loadConfig({ SYNC_RETIRE_LIMIT_PERCENT: '0' }).lifecycle.retireLimitPercent,
      0,
      '0: any retirement needs force',
    );
    t.throws(() => loadConfig({ SYNC_RETIRE_LIMIT_PERCENT: '120' }), {
      message: 'SYNC_RETIRE_LIMIT_PERCENT: expected a whole number from 0 to 100 (got "120")',
    });
    t.throws(() => loadConfig({ SOURCE_DATE_EPOCH: 'yesterday' }), {
      message: /^SOURCE_DATE_EPOCH: expected a whole number/,
    });
    t.throws(() => loadConfig({ CLI_USER: 'a b' }), { message: /^CLI_USER: expected a user name/ });
    t.equal(loadConfig({}).cliUser, undefined, 'the operating-system user when not set');
  },
);

t.test('a store URI never shows its credentials, in a message or a log line', async (t) => {
  t.equal(
    uriForDisplay('neo4j+s://neo4j:s3cret-pass@db.example:7687'),
    'neo4j+s://db.example:7687',
  );
  t.equal(uriForDisplay('bolt://db:7687?password=s3cret'), 'bolt://db:7687');
  t.equal(uriForDisplay('neo4j://localhost:7687'), 'neo4j://localhost:7687');
  let message = '';
  try {
    loadConfig({
      STORE: 'neo4j',
      NEO4J_URI: 'http://neo4j:s3cret-pass@db',
      NEO4J_PASSWORD: 'password',
    });
  } catch (error) {
    message = (error as Error).message;
  }
  t.match(message, /^NEO4J_URI: expected a URI like/);
  t.notMatch(message, /s3cret/, 'the rejected value is echoed without its password');
});

t.test('the dashboard settings, each named when it is wrong', async (t) => {
  const d = loadConfig({
    CACHE_MAX_AGE_S: '30',
    ANSWER_CACHE_BYTES: '0',
    COMPRESS_FROM_BYTES: '0',
    PERSISTED_QUERIES_MAX: '5',
    PERSISTED_QUERIES_MAX_BYTES: '4096',
    SUBSCRIPTIONS_PER_KEY: '2',
    CHANGE_POLL_MS: '50',
    SHUTDOWN_TIMEOUT_S: '3',
  }).dashboards;
  t.same(d, {
    cacheMaxAgeS: 30,
    answerCacheBytes: 0,
    compressFromBytes: 0,
    persistedQueries: { maxQueries: 5, maxBytes: 4096 },
    subscriptionsPerKey: 2,
    changePollMs: 50,
    shutdownTimeoutMs: 3000,
  });
  t.throws(() => loadConfig({ CHANGE_POLL_MS: '1' }), {
    message: 'CHANGE_POLL_MS: expected a whole number from 10 to 60000 (got "1")',
  });
  t.throws(() => loadConfig({ ANSWER_CACHE_BYTES: '-1' }), { message: /^ANSWER_CACHE_BYTES: / });
  t.throws(() => loadConfig({ SUBSCRIPTIONS_PER_KEY: 'many' }), {
    message: /^SUBSCRIPTIONS_PER_KEY: /,
  });
});
