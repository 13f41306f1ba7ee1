import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { filingsSuite } from '../helpers/filings-suite.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// The filings suite on Neo4j, when one is given (NEO4J_URI and NEO4J_PASSWORD set).

t.test('filings on Neo4j', { skip: neo4jSkip('the filings suite') }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  await filingsSuite(t, store);
});
