import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
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

t.test('a request still open at SHUTDOWN_TIMEOUT_S is cut off, and the exit says so', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vc-server-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const child = spawnTs('src/server.ts', [], {
    PORT: '0',
    DATA_DIR: dir,
    DEMO: '0',
    SHUTDOWN_TIMEOUT_S: '1',
    // The request below trickles in: the request timeout must not end it before the close does.
    REQUEST_TIMEOUT_S: '600',
  });
  t.teardown(() => void (child.exitCode === null && child.kill('SIGKILL')));
  const [, base] = await waitForLine(child, LISTENING);
  const { port } = new URL(base!);
  // A POST whose body never comes: the service is still receiving it when told to stop.
  const socket = connect(Number(port), '127.0.0.1');
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  const begun = waitForLine(child, /"msg":"incoming request"/);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`,
  );
  await begun;
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const { code, stdout } = await exited;
  t.equal(code, 1, 'not a clean close: exit 1');
  t.match(stdout, /requests still open at the shutdown timeout \(SHUTDOWN_TIMEOUT_S\)/);
  await closed;
  t.pass("the open request's connection is closed");
});
