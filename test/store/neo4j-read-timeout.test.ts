import neo4j, { type Driver, type Session } from 'neo4j-driver';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { loadCypherFiles } from '../../src/store/neo4j/cypher-files.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// Every read the store makes sets a time limit of its own (NEO4J_READ_TIMEOUT_S), so no question
// can run for minutes: the driver under the store is the real one, watched as the store opens
// sessions on it. What Neo4j answers at the limit is test/store/neo4j-errors.test.ts's.

const skip = neo4jSkip('the read time limit');

t.test(
  'each read of the store runs in a transaction with the read time limit',
  { skip },
  async (t) => {
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
              const config = (p === 'run' ? args[2] : args[1]) as { timeout?: unknown } | undefined;
              // An auto-commit query (the generation's) is a read by its session's access mode.
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
          how: name === 'generation' ? 'run as a read' : 'executeRead',
          timeout: 7_500,
        })),
        `${name}: every transaction a read, with the limit`,
      );
    }
  },
);
