import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';
import { chainRegister } from '../helpers/large-register.js';

// Faults: a CLI import killed with SIGKILL leaves all of it or nothing (with its audit entry or
// without), and the store reopens. (Concurrent imports: concurrent-imports.test.ts.)

const register = chainRegister;

const dir = await mkdtemp(join(tmpdir(), 'vc-faults-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));

t.test(
  'a CLI import killed with SIGKILL mid-way leaves all or nothing, and the store reopens',
  async (t) => {
    const data = join(dir, 'killed');
    const file = join(dir, 'large.yaml');
    await writeFile(file, register('k', 30_000));
    const cli = spawnTs('src/cli/bin.ts', ['import', file], { DATA_DIR: data });
    const exited = exitOf(cli);
    // Killed while it parses, validates or writes: somewhere inside the import.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    cli.kill('SIGKILL');
    await exited;
    const store = await openEmbeddedStore(data);
    t.teardown(() => store.close());
    const counts = await store.counts();
    const entries = await store.auditLog(10, null);
    const complete = counts.parties === 30_000 && counts.entrustments === 29_999;
    t.ok(
      complete || (counts.parties === 0 && counts.entrustments === 0),
      `all or nothing (${counts.parties} parties)`,
    );
    t.equal(
      entries.length,
      complete ? 1 : 0,
      'the audit entry is there exactly when the import is',
    );
    await t.resolves(store.ping());
  },
);
