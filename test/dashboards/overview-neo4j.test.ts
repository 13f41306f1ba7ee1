import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { overviewSuite } from '../helpers/overview-suite.js';

// The overview suite on Neo4j, when one is given (NEO4J_URI and NEO4J_PASSWORD set): a store
// other test files write to at the same time, so whole-register counts are not compared exactly.

const skip = neo4jSkip('the overview suite');

t.test('the overview on Neo4j', { skip }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  await overviewSuite(t, store, false);
});
