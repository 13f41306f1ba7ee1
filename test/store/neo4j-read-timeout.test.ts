import neo4j, { Neo4jError, type Driver, type Session } from 'neo4j-driver';
import t, { type Test } from 'tap';
import { loadConfig } from '../../src/config.js';
import { loadCypherFiles } from '../../src/store/neo4j/cypher-files.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// Every read the store makes sets a time limit of its own (NEO4J_READ_TIMEOUT_S), so no question
// can run for minutes: the driver under the store is the real one, watched as the store opens
// sessions on it. What Neo4j answers at the limit is test/store/neo4j-errors.test.ts's.

const skip = neo4jSkip('the read time limit');

/**
 * A store over the real driver, watched: every transaction its sessions run, how and with which
 * limit. `failRuns` auto-commit queries fail first with the given error, as a lost connection would.
 */
async function watchedStore(t: Test, failRuns = 0, failure?: Neo4jError) {
  const cfg = loadConfig({ ...process.env, STORE: 'neo4j' }).neo4j!;
  const real = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password));
  const seen: { how: string; timeout: unknown }[] = [];
  const watched = (session: Session, readMode: boolean) =>
    new Proxy(session, {
      get(s, p) {
        const value = Reflect.get(s, p) as unknown;
        if (typeof value !== 'function') return value;
        if (p === 'executeRead' || p === 'executeWrite' || p === 'run')
          return (...args: unknown[]) => {
            if (p === 'run' && failRuns > 0) {
              failRuns--;
              seen.push({ how: 'failed', timeout: undefined });
              return Promise.reject(failure!);
            }
            const config = (p === 'run' ? args[2] : args[1]) as { timeout?: unknown } | undefined;
            // An auto-commit query is a read by its session's access mode.
            const how = p === 'run' && readMode ? 'run as a read' : String(p);
            seen.push({ how, timeout: config?.timeout });
            return (value as (...a: unknown[]) => unknown).apply(s, args);
          };
        return value.bind(s);
      },
    });
  const driver = new Proxy(real, {
    get: (d, p) =>
      p === 'session'
        ? (...args: Parameters<Driver['session']>) =>
            watched(d.session(...args), args[0]?.defaultAccessMode === neo4j.session.READ)
        : (Reflect.get(d, p) as unknown),
  });
  const store = new Neo4jStore(driver, await loadCypherFiles(), {
    uri: cfg.uri,
    database: cfg.database,
    stageImportsFrom: 20_000,
    recordsPerStage: 10_000,
    readTimeoutS: 7.5,
  });
  t.teardown(() => store.close());
  return { store, seen };
}

t.test('each read of the store is a read query with the read time limit', { skip }, async (t) => {
  const { store, seen } = await watchedStore(t);

  const ids = ['rt-none'];
  const window = { from: '2014-01-01', to: '2014-12-31' };
  const reads: Record<string, () => Promise<unknown>> = {
    parties: () => store.parties(ids),
    entrustments: () => store.entrustments(ids),
    incidents: () => store.incidents(ids),
    sources: () => store.sources(ids),
    entrustmentsInto: () => store.entrustmentsInto(ids, window),
    entrustmentsFrom: () => store.entrustmentsFrom(ids, window),
    upstreamRound: () => store.upstreamRound(ids, ids, window),
    downstreamLinks: () => store.downstreamLinks(ids, '2014-06-01'),
    corporateFamily: () => store.corporateFamily(ids),
    entrustmentsUnder: () => store.entrustmentsUnder(ids),
    incidentsAt: () => store.incidentsAt(ids),
    partiesWithParent: () => store.partiesWithParent(ids),
    servicesOperatedBy: () => store.servicesOperatedBy(ids),
    scanEntrustments: () => store.scanEntrustments(null, 5),
    scanParties: () => store.scanParties(null, 5),
    categories: () => store.categories(),
    scanIncidents: () => store.scanIncidents(null, 5),
    generation: () => store.generation(),
    scopeHoldings: () => store.scopeHoldings('rt-none'),
    apiKeys: () => store.apiKeys(),
    auditLog: () => store.auditLog(5, null),
    counts: () => store.counts(),
  };
  for (const [name, read] of Object.entries(reads)) {
    seen.length = 0;
    await read();
    t.ok(seen.length > 0, `${name} reads the database`);
    t.same(
      seen,
      seen.map(() => ({
        how: 'run as a read',
        timeout: 7_500,
      })),
      `${name}: every transaction a read, with the limit`,
    );
  }
});

t.test(
  'a read that fails for a passing reason is read again, and the driver retries it',
  { skip },
  async (t) => {
    const unavailable = new Neo4jError('connection lost', 'ServiceUnavailable', '08000', 'error');
    const { store, seen } = await watchedStore(t, 1, unavailable);
    const counts = await store.counts();
    t.ok(counts.parties >= 0 && Number.isInteger(counts.entrustments), 'the counts are read');
    t.same(
      seen.map((s) => s.how),
      ['failed', 'executeRead'],
      'the auto-commit read failed, then one managed read answered',
    );
    t.equal(seen[1]!.timeout, 7_500, 'the managed read keeps the read time limit');
  },
);

t.test('a read that fails for good is not read again', { skip }, async (t) => {
  const refused = new Neo4jError(
    'Invalid input',
    'Neo.ClientError.Statement.SyntaxError',
    '42001',
    'error',
  );
  const { store, seen } = await watchedStore(t, 1, refused);
  await t.rejects(store.counts(), /Invalid input/, 'the error reaches the caller');
  t.same(
    seen.map((s) => s.how),
    ['failed'],
    'no second read',
  );
});
