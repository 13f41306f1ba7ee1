import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { riskSuite } from '../helpers/risk-suite.js';
import { semanticsSuite } from '../helpers/semantics-suite.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// The same semantics and risk suites on Neo4j, when one is given (NEO4J_URI and NEO4J_PASSWORD set).

const skip = neo4jSkip('the GraphQL semantics and risk suites');

t.test('the GraphQL semantics and risk suites on Neo4j', { skip }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  await t.test('semantics', (t) => semanticsSuite(t, store));
  await t.test('risk questions', (t) => riskSuite(t, store));
});
