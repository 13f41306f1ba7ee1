import { randomBytes } from 'node:crypto';
import t from 'tap';
import type { ApiKey } from '../../src/access/model.js';
import type { Category } from '../../src/domain/model.js';
import type { AuditDraft } from '../../src/register/audit.js';
import { openStore } from '../../src/store/open.js';
import { loadConfig } from '../../src/config.js';
import { run } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { driverConfig } from '../../src/store/neo4j/index.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { entrustmentRecord, partyRecord } from '../helpers/records.js';
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

t.test(
  'migrate converts categories, keys and audit entries written as json',
  { skip },
  async (t) => {
    const env = { ...process.env, STORE: 'neo4j' };
    const cfg = loadConfig(env).neo4j!;
    const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
    t.teardown(() => driver.close());
    const p = `mj${randomBytes(4).toString('hex')}-`;
    const category: Category = { id: `${p}cat`, parent: 'user', name: '会員情報' };
    const described: Category = { ...category, id: `${p}cat2`, description: 'with a description' };
    const key: ApiKey = {
      name: `${p}key`,
      role: 'reader',
      keyId: 'abc123',
      salt: 'c2FsdA==',
      hash: 'aGFzaA==',
      n: 16384,
      createdAt: '2026-12-04T10:11:12.345Z',
      controllers: [`${p}city`],
    };
    // Sequence numbers far above any generation a test reaches, so they do not mix with others'.
    const seq = 9_000_000_000 + Math.floor(Math.random() * 1_000_000);
    const plain: AuditDraft = {
      at: '2026-12-04T10:00:00.000Z',
      actor: 'ops',
      action: 'key.add',
      summary: 'added',
    };
    const revised: AuditDraft = {
      at: '2026-12-04T10:00:01.000Z',
      actor: 'ops',
      action: 'register.import',
      summary: 'imported',
      revision: {
        scope: 'city',
        added: [`${p}e1`],
        changed: [],
        retired: [],
        removed: [],
        counts: { added: 20_000, changed: 0, retired: 0, removed: 0 },
      },
    };
    const write = (query: string, params: Record<string, unknown>) =>
      driver.executeQuery(query, params, { database: cfg.database });
    // The first model: the whole record as one `json` property.
    await write('UNWIND $rows AS row CREATE (:Category {id: row.id, json: row.json})', {
      rows: [category, described].map((c) => ({ id: c.id, json: JSON.stringify(c) })),
    });
    await write('CREATE (:ApiKey {name: $name, json: $json})', {
      name: key.name,
      json: JSON.stringify(key),
    });
    await write('UNWIND $rows AS row CREATE (:AuditEntry {seq: row.seq, json: row.json})', {
      rows: [plain, revised].map((a, i) => ({ seq: neo4j.int(seq + i), json: JSON.stringify(a) })),
    });
    t.teardown(() =>
      write(
        'MATCH (n) WHERE n.id STARTS WITH $p OR n.name STARTS WITH $p OR n.seq IN $seqs DETACH DELETE n',
        { p, seqs: [neo4j.int(seq), neo4j.int(seq + 1)] },
      ),
    );

    const migrated = captured();
    t.equal(await run(['migrate'], env, migrated.output), 0, migrated.err.join(''));
    const { records } = await write(
      'MATCH (n) WHERE (n:Category OR n:ApiKey OR n:AuditEntry) AND n.json IS NOT NULL RETURN count(n) AS left',
      {},
    );
    t.equal(records[0]!.get('left').toNumber(), 0, 'no node keeps a json property');
    const types = await write(
      'MATCH (k:ApiKey {name: $name}) RETURN valueType(k.n) AS n, valueType(k.createdAt) AS at, valueType(k.controllers) AS controllers',
      { name: key.name },
    );
    t.strictSame(
      types.records[0]!.toObject(),
      {
        n: 'INTEGER NOT NULL',
        at: 'ZONED DATETIME NOT NULL',
        controllers: 'LIST<STRING NOT NULL> NOT NULL',
      },
      'counts as INTEGER, instants as DATETIME, lists as lists',
    );

    const store = await openStore(loadConfig(env));
    t.teardown(() => store.close());
    const categories = await store.categories();
    t.strictSame(
      categories.filter((c) => c.id.startsWith(p)),
      [category, described],
      'categories exactly as written',
    );
    t.strictSame(
      (await store.apiKeys()).find((k) => k.name === key.name),
      key,
      'the key exactly as written',
    );
    const log = await store.auditLog(2, String(seq + 2));
    t.strictSame(
      log,
      [
        { id: String(seq + 1), ...revised },
        { id: String(seq), ...plain },
      ],
      'audit entries exactly as written',
    );
    t.equal(await run(['migrate'], env, captured().output), 0, 'a second run finds nothing to do');
  },
);

t.test('categories, keys and audit entries round-trip as properties', { skip }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  const p = `rp${randomBytes(4).toString('hex')}-`;
  const key: ApiKey = {
    name: `${p}key`,
    role: 'admin',
    keyId: 'def456',
    salt: 'c2FsdA==',
    hash: 'aGFzaA==',
    n: 32768,
    createdAt: new Date().toISOString(),
  };
  const audit: AuditDraft = {
    at: new Date().toISOString(),
    actor: 'ops',
    action: 'key.add',
    summary: 'a key',
  };
  await store.addApiKey(key, audit);
  t.teardown(() => store.revokeApiKey(key.name, audit));
  t.strictSame(
    (await store.apiKeys()).find((k) => k.name === key.name),
    key,
    'no controllers stays absent',
  );
  const [newest] = await store.auditLog(1, null);
  t.strictSame(newest && { ...newest, id: 'x' }, { ...audit, id: 'x' }, 'the entry as written');
});

t.test(
  'migrate draws again the inferred links a staged import left out, once',
  { skip },
  async (t) => {
    const env = { ...process.env, STORE: 'neo4j' };
    const cfg = loadConfig(env).neo4j!;
    const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
    t.teardown(() => driver.close());
    const store = await openStore(loadConfig(env));
    t.teardown(() => store.close());
    const p = `mi${randomBytes(4).toString('hex')}-`;
    const party = (id: string) => partyRecord(p + id);
    const entrustment = (id: string, client: string, contractor: string, more = {}) =>
      entrustmentRecord(p + id, p + client, p + contractor, more);
    // v's entrustment to s performs the city's own by inference; s's back to v, of other data,
    // performs nothing.
    const batch = {
      sources: [],
      incidents: [],
      parties: ['city', 'v', 's'].map(party),
      entrustments: [
        entrustment('city-v', 'city', 'v', { under: [] }),
        entrustment('v-s', 'v', 's'),
        entrustment('s-v', 's', 'v', { data: ['user.financial'] }),
      ],
    };
    await store.upsert(batch);
    t.teardown(() =>
      store.remove({
        parties: batch.parties.map((x) => x.id),
        entrustments: batch.entrustments.map((e) => e.id),
      }),
    );
    const write = (query: string) => driver.executeQuery(query, { p }, { database: cfg.database });
    const performs = async () =>
      (
        await write(
          'MATCH (e:Entrustment)-[:PERFORMS]->(u:Entrustment) WHERE e.id STARTS WITH $p RETURN e.id + " > " + u.id AS link ORDER BY link',
        )
      ).records.map((r) => r.get('link') as string);
    const drawn = await performs();
    t.same(drawn, [`${p}v-s > ${p}city-v`], 'the write drew the link inference adds');
    // What a staged import of these parties left before 8adf1cf.
    await write('MATCH (e:Entrustment)-[r:PERFORMS]-() WHERE e.id STARTS WITH $p DELETE r');
    t.same(await performs(), [], 'left out');

    const migrated = captured();
    t.equal(await run(['migrate'], env, migrated.output), 0, migrated.err.join(''));
    t.same(await performs(), drawn, 'drawn again');
    t.match(migrated.out.join('\n'), /drew the inferred links of \d+ entrustments again/);
    const again = captured();
    t.equal(await run(['migrate'], env, again.output), 0, again.err.join(''));
    t.notMatch(again.out.join('\n'), /drew the inferred links/, 'run again, nothing to draw');
  },
);
