import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { ssoSubscriptionsSuite } from '../helpers/sso-subscriptions-suite.js';

// registerChanged with a single sign-on token, on Neo4j.

t.test(
  'single sign-on subscriptions on Neo4j',
  { skip: neo4jSkip('the SSO subscriptions') },
  async (t) => {
    const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
    t.teardown(() => store.close());
    await ssoSubscriptionsSuite(t, store);
  },
);
