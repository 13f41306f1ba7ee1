import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { answersSuite } from '../helpers/answers-suite.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// The same suite on Neo4j, when one is given (NEO4J_URI and NEO4J_PASSWORD set).

const skip = neo4jSkip('the answers suite');

t.test('lists and cursors on Neo4j', { skip }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  await answersSuite(t, store);
});
