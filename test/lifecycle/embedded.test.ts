import t from 'tap';
import { tempStore } from '../helpers/app.js';
import { lifecycleSuite } from '../helpers/lifecycle-suite.js';

await lifecycleSuite(t, await tempStore(t, 'vc-lifecycle-'));
