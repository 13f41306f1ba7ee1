import { readFile, writeFile } from 'node:fs/promises';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { renderExamples } from '../helpers/readme-examples.js';

// `npm run readme` (tap --snapshot) rewrites the README's console examples from real runs;
// otherwise any difference between them and a real run fails here.
const path = inProject('README.md');
const readme = await readFile(path, 'utf8');
const rendered = await renderExamples(readme);

t.test('every console example in the README is the output of a real run', async (t) => {
  if (process.env.TAP_SNAPSHOT === '1') await writeFile(path, rendered);
  else t.equal(readme, rendered, 'README.md console examples differ from real runs: run `npm run readme` and review the diff');
});
