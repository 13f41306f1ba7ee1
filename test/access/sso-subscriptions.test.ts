import t from 'tap';
import { tempStore } from '../helpers/app.js';
import { ssoSubscriptionsSuite } from '../helpers/sso-subscriptions-suite.js';

// registerChanged with a single sign-on token, on the embedded store (-neo4j: on Neo4j).

await ssoSubscriptionsSuite(t, await tempStore(t, 'vc-sso-subscriptions-'));
