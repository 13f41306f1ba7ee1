import { readFile } from 'node:fs/promises';
import semver from 'semver';
import t from 'tap';
import { inProject } from '../../src/paths.js';

// npm ci warns EBADENGINE for every installed package whose `engines.node` refuses the running
// Node. The lockfile records each package's range, so "no warning on any Node version our own
// `engines` admits" is a subset check, on whichever Node runs the test (issue 20, §6).
const manifest = JSON.parse(await readFile(inProject('package.json'), 'utf8'));
const lock = JSON.parse(await readFile(inProject('package-lock.json'), 'utf8'));
const ours: string = manifest.engines.node;

/** The installed packages whose Node range leaves out a version that `range` admits. */
function refusing(range: string): string[] {
  return Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
    .filter(([path, p]) => path !== '' && p.engines?.node)
    .filter(([, p]) => !semver.subset(range, p.engines!.node!, { includePrerelease: false }))
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} wants ${p.engines!.node}`);
}

t.test('every package npm ci installs accepts every Node version in engines', async (t) => {
  t.same(refusing(ours), [], `engines ${ours}`);
});

t.test('the check would see a version the dependencies refuse', async (t) => {
  // Node 20 is what the dependencies dropped; an odd release is what some skip.
  t.not(refusing('>=20.19.0').length, 0, 'Node 20 would warn');
  t.not(refusing(`${ours} || ^25.0.0`).length, 0, 'Node 25 would warn');
});

t.test('the README names the versions engines admits', async (t) => {
  const readme = await readFile(inProject('README.md'), 'utf8');
  const majors = [...ours.matchAll(/\^(\d+)\./g)].map((m) => m[1]!);
  t.ok(majors.length > 0, 'engines names its major versions with ^');
  t.match(readme, `Node.js ${majors.join(' and ')} are supported`);
});
