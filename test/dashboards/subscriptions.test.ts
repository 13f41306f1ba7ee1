import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';
import { importThrough, subscriptionsSuite } from '../helpers/subscriptions-suite.js';

// On the embedded store: a write by the CLI (a process of its own on the same directory), one
// through GraphQL imported in a worker thread, and one through a second handle on the directory.

const dir = await mkdtemp(join(tmpdir(), 'vc-subscriptions-'));
const [store, other] = [await openEmbeddedStore(dir), await openEmbeddedStore(dir)];
const importer = await buildApp({
  store: other,
  security: { ...defaultSecurity(), importWorkerFromBytes: 0 },
});
t.teardown(async () => {
  await importer.close();
  await store.close();
  await other.close();
  await rm(dir, { recursive: true, force: true });
});
const register = (id: string) =>
  JSON.stringify({ register: 1, parties: [{ id, name: id, kind: 'company' }] });

await subscriptionsSuite(
  t,
  store,
  {
    'the CLI, a process of its own': async (id) => {
      const file = join(dir, `${id}.json`);
      await writeFile(file, register(id));
      const cli = await exitOf(spawnTs('src/cli/bin.ts', ['import', file], { DATA_DIR: dir }));
      if (cli.code !== 0) throw new Error(`the CLI import failed: ${cli.stderr}`);
    },
    'an import in a worker thread': importThrough(importer, register),
    'a second handle on the same directory': async (id) => {
      const report = await importRegister(other, register(id));
      if (!report.ok) throw new Error(JSON.stringify(report.errors));
    },
  },
  (ids) => store.remove({ parties: ids }).then(() => undefined),
);
