import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { blastRadius } from '../../src/domain/blast-radius.js';
import { importRegister } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { cli } from '../helpers/cli.js';

// The embedded store keeps what walks up have read until the next write (upstream.ts): a hub's
// leak reads 40% of a national register, and the next leak's walk most of the same. Kept too long,
// an answer would miss a write; these check that every write, by this store or by another
// process's (the CLI into the server's data directory), is seen by the next walk.

const town = (id: string) => ({ id, name: id, kind: 'municipality' });
const handOver = (client: string) => ({
  id: `${client}--saas`,
  client,
  contractor: 'saas',
  under: [],
  data: ['user.contact'],
});
const register = {
  register: 1,
  parties: [town('town-a'), { id: 'saas', name: 'SaaS', kind: 'service' }],
  entrustments: [handOver('town-a')],
};
const leak = { party: 'saas', window: {}, data: null };

t.test('what walks read is kept between walks and dropped by any write', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vc-kept-'));
  const store = await openEmbeddedStore(dir);
  t.teardown(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  t.ok((await importRegister(store, JSON.stringify(register))).ok);
  const exposed = async () => (await blastRadius(store, leak)).controllers.map((c) => c.party);
  const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

  t.same(await exposed(), ['town-a']);
  const kept = store.upstreamReader!().into('saas');
  await nextTurn();
  t.equal(
    store.upstreamReader!().into('saas'),
    kept,
    'nothing written: the same list, not read again',
  );

  const withB = {
    register: 1,
    parties: [town('town-b')],
    entrustments: [handOver('town-b')],
  };
  t.ok((await importRegister(store, JSON.stringify(withB))).ok);
  t.same(await exposed(), ['town-a', 'town-b'], 'a write by this store: seen by the next walk');
  t.not(store.upstreamReader!().into('saas'), kept, 'and the list read again');

  // Another process writes (the CLI, as an operator runs it beside the server).
  const file = join(dir, 'town-c.json');
  await writeFile(
    file,
    JSON.stringify({ register: 1, parties: [town('town-c')], entrustments: [handOver('town-c')] }),
  );
  const run = await cli(['import', file], { STORE: 'embedded', DATA_DIR: dir });
  t.equal(run.code, 0, run.err);
  await nextTurn();
  t.same(
    await exposed(),
    ['town-a', 'town-b', 'town-c'],
    'a write by another writer on the same directory: seen by the next walk',
  );
});
