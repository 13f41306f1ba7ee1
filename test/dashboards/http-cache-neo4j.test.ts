import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { importRegister } from '../../src/register/import.js';
import { openStore } from '../../src/store/open.js';
import { httpCacheSuite } from '../helpers/http-cache-suite.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// The HTTP caching suite on Neo4j; the write comes through a driver of its own, as another
// instance's would.

const skip = neo4jSkip('the HTTP caching suite');

t.test('HTTP caching and persisted queries on Neo4j', { skip }, async (t) => {
  const config = loadConfig({ ...process.env, STORE: 'neo4j' });
  const [store, other] = [await openStore(config), await openStore(config)];
  t.teardown(async () => {
    await store.close();
    await other.close();
  });
  await httpCacheSuite(t, store, async (incident) => {
    const report = await importRegister(
      other,
      JSON.stringify({
        register: 1,
        incidents: [
          {
            id: incident,
            party: 'ov-reseller',
            kind: 'insider',
            from: '2024-02-02',
            detected: '2024-02-03',
          },
        ],
      }),
    );
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
  });
});
