import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { chainRegister } from '../helpers/large-register.js';
import { exitOf, spawnTs, waitForLine } from '../helpers/spawn-ts.js';

// Faults: an import killed with SIGKILL in the middle of its write leaves nothing (not a record,
// not its audit entry, not a new generation), and the store reopens. (Concurrent imports:
// concurrent-imports.test.ts.)

const dir = await mkdtemp(join(tmpdir(), 'vc-faults-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));

t.test(
  'an import killed with SIGKILL mid-write leaves nothing, and the store reopens',
  async (t) => {
    const data = join(dir, 'killed');
    const file = join(dir, 'large.yaml');
    await writeFile(file, chainRegister('k', 30_000));
    const child = spawnTs('test/helpers/import-held-mid-write.ts', [data, file], {});
    const exited = exitOf(child);
    const [, done, total] = (await waitForLine(child, /^writing (\d+)\/(\d+)$/m)).map(Number);
    t.ok(
      done! > 0 && done! < total!,
      `killed with ${done} of ${total} rows written in the transaction`,
    );
    child.kill('SIGKILL');
    const { code, stdout } = await exited;
    t.equal(code, null, 'killed, not finished');
    t.notMatch(stdout, /committed/);
    const store = await openEmbeddedStore(data);
    t.teardown(() => store.close());
    t.same(await store.counts(), { sources: 0, parties: 0, entrustments: 0, incidents: 0 });
    t.same(await store.auditLog(10, null), [], 'no audit entry');
    t.equal(await store.generation(), 0, 'no write generation');
    await t.resolves(store.ping());
  },
);
