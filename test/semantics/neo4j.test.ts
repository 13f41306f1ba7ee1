import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { riskSuite } from '../helpers/risk-suite.js';
import { semanticsSuite } from '../helpers/semantics-suite.js';

// The same semantics and risk suites on Neo4j, when one is given (NEO4J_URI and NEO4J_PASSWORD set).

const skip = process.env.NEO4J_URI
  ? false
  : 'NEO4J_URI is not set: the GraphQL semantics and risk suites on Neo4j are skipped (docker compose up -d neo4j, then NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=… npm test)';

t.test('the GraphQL semantics and risk suites on Neo4j', { skip }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  await t.test('semantics', (t) => semanticsSuite(t, store));
  await t.test('risk questions', (t) => riskSuite(t, store));
});
