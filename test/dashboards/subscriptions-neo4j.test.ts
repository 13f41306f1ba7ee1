import t from 'tap';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import { openStore } from '../../src/store/open.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { importThrough, subscriptionsSuite } from '../helpers/subscriptions-suite.js';

// registerChanged on Neo4j: the writes come through a driver of their own, as another
// instance's would, through another instance's import in a worker thread, and through the
// subscribed service's own store.

const skip = neo4jSkip('the subscription suite');

t.test('registerChanged on Neo4j', { skip }, async (t) => {
  const config = loadConfig({ ...process.env, STORE: 'neo4j' });
  const [store, other] = [await openStore(config), await openStore(config)];
  const importer = await buildApp({
    store: other,
    security: { ...defaultSecurity(), importWorkerFromBytes: 0 },
  });
  t.teardown(async () => {
    await importer.close();
    await store.close();
    await other.close();
  });
  const register = (id: string) =>
    JSON.stringify({ register: 1, parties: [{ id, name: id, kind: 'company' }] });
  const write = (on: typeof store) => async (id: string) => {
    const report = await importRegister(on, register(id));
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
  };
  await subscriptionsSuite(
    t,
    store,
    {
      "another instance's import in a worker thread": importThrough(importer, register),
      'this instance': write(store),
      'another instance': write(other),
    },
    (ids) => store.remove({ parties: ids }).then(() => undefined),
  );
});
