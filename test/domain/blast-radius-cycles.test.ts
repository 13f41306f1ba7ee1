import { readFile } from 'node:fs/promises';
import t from 'tap';
import { blastRadius } from '../../src/domain/blast-radius.js';
import type { Leak } from '../../src/domain/leak.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';
import {
  checkCountBounds,
  misses,
  pathWalkBlastRadius,
  summary,
} from '../helpers/path-walk-oracle.js';

// Registers the property test (blast-radius-sets) once found, where entrustments entrust each
// other: a walk that closes a cycle narrows the data, or passes hops no path of the register
// passes, and so reached states with other data, awareness or record counts than any path. The
// answer must be that of the paths, which pass an entrustment once; each case failed before.

interface Case {
  register: string;
  leak: Leak;
}

const cases = JSON.parse(
  await readFile(new URL('../fixtures/cycles/cases.json', import.meta.url), 'utf8'),
) as Case[];

for (const [i, { register, leak }] of cases.entries())
  t.test(`cycles, case ${i + 1}: the answer of the register's paths`, async (t) => {
    const store = await tempStore(t, 'vc-cycles-');
    t.ok((await importRegister(store, register)).ok, 'the register imports');
    const options = { maxPathsPerController: 500 };
    const sets = await blastRadius(store, leak, options);
    const walk = await pathWalkBlastRadius(store, leak, options);
    t.ok(walk.controllers.length > 0, 'the leak exposes someone');
    checkCountBounds(t, sets, walk);
    t.same(summary(sets), summary(walk), JSON.stringify(leak));
    t.same(misses(sets, false), misses(walk, false), 'the same hops stopped, for the same reasons');
  });
