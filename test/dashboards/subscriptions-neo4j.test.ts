import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { importRegister } from '../../src/register/import.js';
import { openStore } from '../../src/store/open.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { subscriptionsSuite } from '../helpers/subscriptions-suite.js';

// registerChanged on Neo4j: the writes come through a driver of their own, as another
// instance's would, and through the subscribed service's own store.

const skip = neo4jSkip('the subscription suite');

t.test('registerChanged on Neo4j', { skip }, async (t) => {
  const config = loadConfig({ ...process.env, STORE: 'neo4j' });
  const [store, other] = [await openStore(config), await openStore(config)];
  t.teardown(async () => {
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
    { 'this instance': write(store), 'another instance': write(other) },
    (ids) => store.remove({ parties: ids }).then(() => undefined),
  );
});
