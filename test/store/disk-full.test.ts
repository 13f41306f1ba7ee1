import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { isDiskFull } from '../../src/errors.js';
import { importRegister } from '../../src/register/import.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';

// A full disk is its own clear error (VC_DISK_FULL), nothing is written, and the store reopens
// and answers. Needs a small tmpfs, which only root (or a permissive container) may mount.

t.test('the errors of a full disk are recognised', async (t) => {
  t.same(
    [
      { code: 'ENOSPC' },
      new Error('MDB_MAP_FULL: Environment mapsize limit reached'),
      new Error('No space left on device'),
    ].map(isDiskFull),
    [true, true, true],
  );
  t.same([new Error('EACCES'), { code: 'EIO' }, undefined].map(isDiskFull), [false, false, false]);
});

const dir = await mkdtemp(join(tmpdir(), 'vc-full-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'ignore' });
  mounted = true;
} catch {
  // Reported below as a skip.
}
t.teardown(async () => {
  if (mounted) execFileSync('umount', [dir]);
  await rm(dir, { recursive: true, force: true });
});

function register(prefix: string, n: number): string {
  const lines = ['register: 1', 'parties:'];
  for (let i = 0; i < n; i++)
    lines.push(`  - { id: ${prefix}-${i}, name: "${'名'.repeat(200)} ${i}", kind: company }`);
  return `${lines.join('\n')}\n`;
}

t.test(
  'an import onto a full disk fails with VC_DISK_FULL, writes nothing, and the store reopens',
  { skip: mounted ? false : 'mount is not allowed here: cannot make a small tmpfs' },
  async (t) => {
    const data = join(dir, 'data');
    const store = await openEmbeddedStore(data);
    t.ok((await importRegister(store, register('small', 10))).ok);
    await t.rejects(importRegister(store, register('big', 20_000)), {
      code: 'VC_DISK_FULL',
      message: /is full: nothing was written/,
    });
    t.same(await store.counts(), { sources: 0, parties: 10, entrustments: 0, incidents: 0 });
    await store.close();
    const reopened = await openEmbeddedStore(data);
    t.same(
      (await reopened.parties(['small-3'])).map((p) => p.id),
      ['small-3'],
    );
    t.same(await reopened.parties(['big-1']), []);
    await reopened.close();
  },
);
