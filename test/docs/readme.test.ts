import { readdir, readFile, writeFile } from 'node:fs/promises';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { renderExamples } from '../helpers/readme-examples.js';

// `npm run readme` (tap --snapshot) rewrites the console examples of the README and of every
// page in docs/ from real runs, each page on a store of its own; otherwise any difference from a
// real run fails here.
const PAGES = [
  'README.md',
  ...(await readdir(inProject('docs')))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

t.test('the README is a first screen, not a manual', async (t) => {
  const lines = (await readFile(inProject('README.md'), 'utf8')).split('\n').length;
  t.ok(lines <= 200, `README.md has ${lines} lines: the reference belongs in docs/`);
  t.ok(PAGES.includes('docs/architecture.md'), 'docs/architecture.md exists');
});

for (const file of PAGES) {
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
  for (const file of PAGES) {
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
