import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { partyRecord } from '../helpers/records.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';
import { storeContract } from './store-contract.js';

const dir = await mkdtemp(join(tmpdir(), 'vc-contract-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));

await t.test('the store contract on the embedded store', (t) =>
  storeContract(t, () => openEmbeddedStore(join(dir, 'shared'))),
);

t.test('a closed embedded store says it is unavailable', async (t) => {
  const store = await openEmbeddedStore(join(dir, 'closed'));
  await store.close();
  await t.rejects(store.ping(), { code: 'VC_STORE_UNAVAILABLE' });
  await t.rejects(store.parties(['x']), { code: 'VC_STORE_UNAVAILABLE' });
});

t.test(
  'a write by another process (the CLI importing into the same data directory) moves the generation',
  async (t) => {
    const path = join(dir, 'two-processes');
    const store = await openEmbeddedStore(path);
    t.teardown(() => store.close());
    const before = await store.generation();
    const register = join(dir, 'one-party.yaml');
    await writeFile(
      register,
      'register: 1\nparties:\n  - { id: from-cli, name: CLI, kind: company }\n',
    );
    const { code, stderr } = await exitOf(
      spawnTs('src/cli/bin.ts', ['import', register], { DATA_DIR: path }),
    );
    t.equal(code, 0, stderr);
    t.ok((await store.generation()) > before, "this process sees the other one's write");
    t.same(
      (await store.parties(['from-cli'])).map((p) => p.name),
      ['CLI'],
    );
  },
);

t.test('what was written is there after closing and reopening', async (t) => {
  const path = join(dir, 'reopen');
  const first = await openEmbeddedStore(path);
  await first.upsert({
    sources: [],
    incidents: [],
    entrustments: [],
    parties: [partyRecord('kept', { name: '残る' })],
  });
  await first.close();
  const second = await openEmbeddedStore(path);
  t.teardown(() => second.close());
  t.same((await second.parties(['kept']))[0]?.name, '残る');
});
