import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { exitOf, spawnTs } from '../helpers/spawn-ts.js';

// The real server process, in its own file: spawning a TypeScript child is slow on a busy machine.

t.test(
  'on a non-loopback HOST with no API key the server refuses to start, in one line',
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-server-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const { code, stderr } = await exitOf(
      spawnTs('src/server.ts', [], { PORT: '0', HOST: '0.0.0.0', DATA_DIR: dir, DEMO: '0' }),
    );
    t.equal(code, 2);
    t.equal(
      stderr,
      'vendor-chain: HOST: 0.0.0.0 is not a loopback address and no API key exists: create one first (vendor-chain keys create --name NAME --role admin), or serve on 127.0.0.1\n',
    );
  },
);
