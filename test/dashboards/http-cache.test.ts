import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { etagOf, matches } from '../../src/dashboards/http-cache.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { httpCacheSuite } from '../helpers/http-cache-suite.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';

// On the embedded store the write comes from the CLI, a process of its own on the same directory.

const dir = await mkdtemp(join(tmpdir(), 'vc-http-cache-'));
const store = await openEmbeddedStore(dir);
t.teardown(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

await httpCacheSuite(t, store, async (incident) => {
  const file = join(dir, `${incident}.yaml`);
  await writeFile(
    file,
    `register: 1\nincidents:\n  - { id: ${incident}, party: ov-reseller, kind: insider, from: 2024-02-02, detected: 2024-02-03 }\n`,
  );
  const cli = await exitOf(spawnTs('src/cli/bin.ts', ['import', file], { DATA_DIR: dir }));
  if (cli.code !== 0) throw new Error(`the CLI import failed: ${cli.stderr}`);
});

t.test('the tag names the generation, and the asker', async (t) => {
  const request = (principal: unknown) =>
    ({ query: { query: '{ a }' }, headers: {}, principal }) as never;
  const reader = etagOf(7, request({ name: 'a', role: 'reader' }));
  t.match(reader, /^W\/"7-/);
  t.not(reader, etagOf(7, request({ name: 'b', role: 'reader' })), 'another key, another tag');
  t.not(reader, etagOf(8, request({ name: 'a', role: 'reader' })), 'another generation');
  t.ok(matches('*', reader));
  t.ok(matches(reader.slice(2), reader), 'a strong copy of a weak tag matches weakly');
  t.notOk(matches(undefined, reader));
  t.notOk(matches('W/"7-other"', reader));
});
