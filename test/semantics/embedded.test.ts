import t from 'tap';
import { tempStore } from '../helpers/app.js';
import { semanticsSuite } from '../helpers/semantics-suite.js';

await semanticsSuite(t, await tempStore(t, 'vc-semantics-'));
