import t from 'tap';
import { embedded, neo4jServerEnv, openAsServed } from '../../bench/stores.js';
import { targetOf } from '../../src/store/target.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// The bench opens each store as the service does: a store opened any other way has no target, so
// the service's whole-graph answers (findings, concentration), which it computes in a worker
// thread, were measured on the main thread on Neo4j (a hub controller's findings: 52 s, against
// 14 s as served).

t.test('the embedded store the bench measures can be handed to the worker', async (t) => {
  const target = embedded();
  t.teardown(() => target.dispose());
  const store = await target.open();
  t.teardown(() => store.close());
  t.same(targetOf(store), { kind: 'embedded', dataDir: target.serverEnv.DATA_DIR });
});

t.test(
  'a Neo4j the bench measures can be handed to the worker',
  { skip: neo4jSkip('the bench’s Neo4j store') },
  async (t) => {
    // The server the tests run beside needs the password it was given, not the bench's own.
    const env = {
      ...neo4jServerEnv(process.env.NEO4J_URI!),
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? 'auth-disabled',
    };
    const store = await openAsServed(env);
    t.teardown(() => store.close());
    t.match(targetOf(store), { kind: 'neo4j', neo4j: { uri: process.env.NEO4J_URI } });
  },
);
