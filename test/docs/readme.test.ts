import { readFile, writeFile } from 'node:fs/promises';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { renderExamples } from '../helpers/readme-examples.js';

// `npm run readme` (tap --snapshot) rewrites the console examples of the README and of
// docs/register-format.md from real runs; otherwise any difference from a real run fails here.
for (const file of ['README.md', 'docs/register-format.md']) {
  const path = inProject(file);
  const text = await readFile(path, 'utf8');
  const rendered = await renderExamples(text);
  t.test(`every console example in ${file} is the output of a real run`, async (t) => {
    if (process.env.TAP_SNAPSHOT === '1') await writeFile(path, rendered);
    else
      t.equal(
        text,
        rendered,
        `${file}: console examples differ from real runs: run \`npm run readme\` and review the diff`,
      );
  });
}

t.test('links in the README and docs/ resolve inside the repository', async (t) => {
  const { existsSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  for (const file of ['README.md', 'docs/register-format.md']) {
    const text = await readFile(inProject(file), 'utf8');
    t.notMatch(
      text,
      /\.\.\/shared|`shared\//,
      `${file} points into ../shared, which a clone does not have`,
    );
    for (const [, target] of text.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
      if (/^<?[a-z]+:/.test(target!)) continue; // a URL, also in CommonMark's <…> form
      t.ok(existsSync(inProject(join(dirname(file), target!))), `${file}: ${target} exists`);
    }
  }
});
