import t from 'tap';
import { tempStore } from '../helpers/app.js';
import { overviewSuite } from '../helpers/overview-suite.js';

await overviewSuite(t, await tempStore(t, 'vc-overview-'), true);
