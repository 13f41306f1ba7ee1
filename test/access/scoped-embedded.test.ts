import t from 'tap';
import { tempStore } from '../helpers/app.js';
import { scopeSuite } from '../helpers/scope-suite.js';

await scopeSuite(t, await tempStore(t, 'vc-scope-'));
