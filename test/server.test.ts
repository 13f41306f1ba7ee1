import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { exitOf, spawnTs, waitForLine } from './helpers/spawn-ts.js';

const LISTENING = /listening at (http:\/\/127\.0\.0\.1:\d+)/;
// Each child compiles the project's TypeScript as it starts: minutes on a busy machine.
t.setTimeout(600_000);

t.test('a bad configuration exits non-zero with one line naming the variable', async (t) => {
  const { code, stderr } = await exitOf(spawnTs('src/server.ts', [], { PORT: 'eighty' }));
  t.equal(code, 2);
  t.equal(stderr, 'vendor-chain: PORT: expected a port number from 0 to 65535 (got "eighty")\n');
});

t.test('npm start on an empty DATA_DIR serves the demo; DEMO=0 leaves it empty', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vc-server-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  for (const [demo, expectMishima] of [
    ['0', false],
    ['1', true],
  ] as const) {
    const data = join(dir, `demo-${demo}`);
    const child = spawnTs('src/server.ts', [], { PORT: '0', DATA_DIR: data, DEMO: demo });
    const [, base] = await waitForLine(child, LISTENING);
    const health = await fetch(`${base}/healthz`);
    t.equal(health.status, 200);
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ party(id: "mishima-city") { name } }' }),
    });
    const body = await res.json();
    t.equal(body.data.party !== null, expectMishima, `DEMO=${demo}`);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    t.equal((await exited).code, 0, 'SIGTERM closes gracefully');
  }
});
