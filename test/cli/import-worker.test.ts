import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { inProject } from '../../src/paths.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { cli } from '../helpers/cli.js';

// `vendor-chain import` of files from IMPORT_WORKER_FROM_BYTES up runs the import in a worker
// thread: what it prints, its exit codes and what it writes are those of an import on the main thread.

const dir = await mkdtemp(join(tmpdir(), 'vc-cli-worker-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const fixture = (name: string) => inProject('test', 'fixtures', 'cli', name);

t.test(
  'the same output, exit codes and records with the import in a worker as without',
  async (t) => {
    const here = { DATA_DIR: join(dir, 'here'), IMPORT_WORKER_FROM_BYTES: '1000000000' };
    const there = { DATA_DIR: join(dir, 'there'), IMPORT_WORKER_FROM_BYTES: '0' };
    const broken = [fixture('towns.yaml'), fixture('broken.yaml')];
    const [a, b] = [
      await cli(['import', ...broken], here),
      await cli(['import', ...broken], there),
    ];
    t.equal(b.code, 1);
    t.same(b, a);
    const good = [inProject('examples', 'demo-register.yaml')];
    const [c, d] = [await cli(['import', ...good], here), await cli(['import', ...good], there)];
    t.equal(d.code, 0);
    t.same(d, c);
    const store = await openEmbeddedStore(there.DATA_DIR);
    t.teardown(() => store.close());
    t.ok((await store.counts()).parties > 10);
    t.equal((await store.auditLog(5, null)).length, 1, 'one import, one audit entry');
  },
);
