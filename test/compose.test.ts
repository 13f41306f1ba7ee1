import { existsSync, readFileSync } from 'node:fs';
import t from 'tap';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.js';
import { inProject } from '../src/paths.js';

// Docker cannot run everywhere the tests do, so the compose file and the Dockerfile are checked
// as text: the API's environment must be one loadConfig accepts, and no secret may be committed.

interface Service {
  image?: string;
  mem_limit?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  volumes?: string[];
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  command?: string | string[];
}

const compose = parse(readFileSync(inProject('docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const dockerfile = readFileSync(inProject('Dockerfile'), 'utf8');
const { api, neo4j, balancer, migrate } = compose.services;
const api2 = compose.services['api-2'];

/** Compose's `${VAR:?message}` and `${VAR:-default}`, with `given` standing in for the shell. */
function interpolate(value: string | number, given: Record<string, string>): string {
  return String(value).replace(
    /\$\{(\w+)(?::([?-])([^}]*))?\}/g,
    (_, name: string, op?: string, arg?: string) => {
      if (given[name] !== undefined) return given[name]!;
      if (op === '-') return arg ?? '';
      throw new Error(`${name} is required: ${arg}`);
    },
  );
}

const environment = (service: Service, given: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(v, given)]),
  );

t.test('the api environment is a configuration loadConfig accepts', async (t) => {
  const config = loadConfig(environment(api!, { NEO4J_PASSWORD: 'from-the-shell' }));
  t.match(config, { store: 'neo4j', host: '0.0.0.0', port: 4000, demo: true });
  t.same(config.neo4j, {
    uri: 'neo4j://neo4j:7687',
    user: 'neo4j',
    password: 'from-the-shell',
    database: undefined,
    connectTimeoutS: 60,
    readTimeoutS: 30,
    stageImportsFrom: 20_000,
    recordsPerStage: 10_000,
  });
  t.equal(
    loadConfig(environment(api!, { NEO4J_PASSWORD: 'from-the-shell', DEMO: '0' })).demo,
    false,
    'DEMO passes through',
  );
  const known = readFileSync(inProject('src', 'config.ts'), 'utf8');
  for (const name of Object.keys(api!.environment ?? {}))
    t.match(known, new RegExp(`\\b${name}:`), `${name} is a variable config.ts reads`);
  t.same(api!.ports, ['127.0.0.1:4000:4000'], 'published on the host loopback only');
  t.same(neo4j!.ports, ['127.0.0.1:7474:7474', '127.0.0.1:7687:7687'], 'the database too');
  t.equal(
    loadConfig(environment(api!, { NEO4J_PASSWORD: 'long-enough' })).security.loopback,
    false,
    'so the API needs a key to start (see the comment at the top)',
  );
  t.ok(api!.build, 'built from the Dockerfile');
  t.same(
    api!.depends_on,
    {
      neo4j: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    },
    'starts once Neo4j answers and its schema is made',
  );
});

t.test("the schema is made by migrate, and the API's health check sees it", async (t) => {
  t.same(migrate!.command, ['node', 'bin/vendor-chain.js', 'migrate']);
  t.same(migrate!.depends_on, { neo4j: { condition: 'service_healthy' } });
  t.same(
    environment(migrate!, { NEO4J_PASSWORD: 'p' }),
    {
      STORE: 'neo4j',
      NEO4J_URI: environment(api!, { NEO4J_PASSWORD: 'p' }).NEO4J_URI,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: 'p',
    },
    'the same database as the API',
  );
  const check = [api!.healthcheck?.test].flat().join(' ');
  t.match(check, /vendor-chain\.js migrate --check/, 'constraints and indexes in place');
  t.match(check, /\/healthz/, 'and the API answering');
  t.match(neo4j!.mem_limit, /^\d+g$/, 'the container has a memory limit');
});

t.test('two instances on the one Neo4j, behind a balancer on the compose network', async (t) => {
  const given = { NEO4J_PASSWORD: 'long-enough' };
  const { DEMO, ...shared } = environment(api2!, given);
  const { DEMO: _demo, ...first } = environment(api!, given);
  t.same(shared, first, 'the same store and settings');
  t.equal(DEMO, '0', 'only the first loads the demo into an empty store');
  t.same(api2!.ports, undefined, 'reached through the balancer only');
  t.same(api2!.depends_on, api!.depends_on);
  t.same(api2!.healthcheck, api!.healthcheck, 'with the same health check, schema included');
  t.match(balancer!.image, /^caddy:\d+\.\d+\.\d+/, 'a pinned proxy');
  t.match(String(balancer!.command), /--to api:4000 --to api-2:4000/, 'over both instances');
  t.same(balancer!.ports, ['127.0.0.1:8080:8080']);
});

t.test('no password is committed: compose refuses to start without NEO4J_PASSWORD', async (t) => {
  t.match(neo4j!.environment?.NEO4J_AUTH, /^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
  t.match(api!.environment?.NEO4J_PASSWORD, /^\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
  t.throws(() => environment(neo4j!, {}), { message: /NEO4J_PASSWORD is required/ });
});

t.test(
  'neo4j is a pinned 5.26 community image with a health check and a named volume',
  async (t) => {
    t.match(neo4j!.image, /^neo4j:5\.26\.\d+-community$/, 'an exact LTS release, as the tests run');
    const harness = /<version>(5\.26\.\d+)<\/version>/.exec(
      readFileSync(inProject('test', 'neo4j-server', 'pom.xml'), 'utf8'),
    )?.[1];
    t.equal(neo4j!.image, `neo4j:${harness}-community`, 'the same release as the test server');
    t.ok(neo4j!.healthcheck?.test, 'has a health check');
    const [volume, mount] = (neo4j!.volumes?.[0] ?? '').split(':');
    t.equal(mount, '/data');
    t.ok(volume && compose.volumes && volume in compose.volumes, `${volume} is a named volume`);
  },
);

t.test(
  'neo4j gets the memory the bench\'s imports need (cypher/README.md, "Large imports")',
  async (t) => {
    const env = environment(neo4j!, { NEO4J_PASSWORD: 'long-enough' });
    const gib = (v: string | undefined) => {
      const m = /^(\d+)([mg])$/i.exec(v ?? '');
      return m ? Number(m[1]) / (m[2]!.toLowerCase() === 'g' ? 1 : 1024) : NaN;
    };
    const heap = gib(env.NEO4J_server_memory_heap_max__size);
    t.equal(
      env.NEO4J_server_memory_heap_initial__size,
      env.NEO4J_server_memory_heap_max__size,
      'a fixed heap',
    );
    const txMax = gib(env.NEO4J_db_memory_transaction_total_max);
    t.ok(
      txMax >= 4,
      `transactions may use ${txMax} GiB: the bench imports 100k entrustments in one transaction with 4`,
    );
    t.ok(txMax <= heap * 0.7, 'and stay within the 70% of the heap Neo4j allows them');
    t.ok(
      gib(env.NEO4J_server_memory_pagecache_size) >= 1,
      'a page cache set, not guessed from the host',
    );
  },
);

t.test(
  'the Dockerfile builds on node:22-slim (the dependencies need 22+) and runs as a non-root user',
  async (t) => {
    const from = Array.from(dockerfile.matchAll(/^FROM (\S+)/gm), (m) => m[1]);
    t.ok(from.length >= 2, 'multi-stage');
    t.same([...new Set(from)], ['node:22-slim']);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    t.match(runtime, /^RUN npm ci --omit=dev\b/m, 'production dependencies only');
    t.match(runtime, /^USER (?!root\b|0\b)\S+/m);
    t.match(runtime, /^CMD \["node", ?"dist\/src\/server\.js"\]/m);
    // Everything the code reads through inProject() at run time is in the image and in the repo.
    for (const dir of ['schema', 'cypher', 'examples']) {
      t.match(runtime, new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'), `copies ${dir}/`);
      t.ok(existsSync(inProject(dir)), `${dir}/ exists`);
    }
    t.match(
      readFileSync(inProject('.dockerignore'), 'utf8'),
      /^node_modules$/m,
      'the host node_modules stays out',
    );
  },
);

t.test('neo4j stops a transaction that set no time limit of its own', async (t) => {
  const env = environment(neo4j!, { NEO4J_PASSWORD: 'long-enough' });
  const m = /^(\d+)s$/.exec(env.NEO4J_db_transaction_timeout ?? '');
  t.ok(m, `db.transaction.timeout is set in seconds (${env.NEO4J_db_transaction_timeout})`);
  const seconds = Number(m?.[1]);
  t.ok(seconds > 0 && seconds <= 120, 'no query runs for minutes');
  t.ok(
    seconds >=
      loadConfig({ STORE: 'neo4j', NEO4J_URI: 'bolt://x:7687', NEO4J_PASSWORD: 'password' }).neo4j!
        .readTimeoutS,
    'at least the API read timeout, which the API sets itself',
  );
});
