import t from 'tap';
import { tempStore } from '../helpers/app.js';
import { answersSuite } from '../helpers/answers-suite.js';

await answersSuite(t, await tempStore(t, 'vc-answers-'));
