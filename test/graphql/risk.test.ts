import t from 'tap';
import { tempStore } from '../helpers/app.js';
import { riskSuite } from '../helpers/risk-suite.js';

await riskSuite(t, await tempStore(t, 'vc-risk-'));
