import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { exitOf, spawnTs, waitForLine } from '../helpers/spawn-ts.js';
import { chainRegister } from '../helpers/large-register.js';

// Faults: the CLI and the server importing at once into one DATA_DIR both commit. Two TypeScript
// children start here, slow on a busy machine, so this file has more time than most.
t.setTimeout(300_000);

const LISTENING = /listening at (http:\/\/127\.0\.0\.1:\d+)/;

const register = chainRegister;

const dir = await mkdtemp(join(tmpdir(), 'vc-faults-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));

t.test(
  'the CLI and the server import into one DATA_DIR at the same time: both commit',
  async (t) => {
    const data = join(dir, 'shared');
    const server = spawnTs('src/server.ts', [], { PORT: '0', DATA_DIR: data, DEMO: '0' });
    const [, base] = await waitForLine(server, LISTENING);
    const file = join(dir, 'cli.yaml');
    await writeFile(file, register('c', 1_000));
    const cli = exitOf(spawnTs('src/cli/bin.ts', ['import', file], { DATA_DIR: data }));
    const viaServer = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($d: String!) { importRegister(document: $d) { ok } }',
        variables: { d: register('s', 1_000) },
      }),
    }).then((r) => r.json());
    const [cliResult, serverResult] = await Promise.all([cli, viaServer]);
    t.equal(cliResult.code, 0, cliResult.stderr);
    t.same(serverResult.data.importRegister, { ok: true });
    const stats = await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ stats { parties entrustments } auditLog { actor action } }',
        }),
      })
    ).json();
    t.same(
      stats.data.stats,
      { parties: 2_000, entrustments: 1_998 },
      'the server sees the CLI write too',
    );
    t.same(stats.data.auditLog.map((e: { action: string }) => e.action).sort(), [
      'import',
      'importRegister',
    ]);
    const closed = exitOf(server);
    server.kill('SIGTERM');
    t.equal((await closed).code, 0);
  },
);
