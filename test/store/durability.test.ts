import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { exitOf, spawnTs, waitForLine } from '../helpers/spawn-ts.js';

// An acknowledged import survives a kill -9 of the server: the answer "ok" is only sent after the
// LMDB transaction has been committed and flushed.

const LISTENING = /listening at (http:\/\/127\.0\.0\.1:\d+)/;
const parties = Array.from(
  { length: 200 },
  (_, i) => `  - { id: p${i}, name: 取引先${i}, kind: company }`,
);
const entrustments = Array.from(
  { length: 199 },
  (_, i) =>
    `  - { id: e${i}, client: p${i}, contractor: p${i + 1}, under: [], data: [user.contact] }`,
);
const document = ['register: 1', 'parties:', ...parties, 'entrustments:', ...entrustments].join(
  '\n',
);

t.test('an acknowledged import is there after the server is killed with SIGKILL', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vc-durable-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const server = spawnTs('src/server.ts', [], { PORT: '0', DATA_DIR: dir, DEMO: '0' });
  const [, base] = await waitForLine(server, LISTENING);
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($d: String!) { importRegister(document: $d) { ok entrustments } }',
      variables: { d: document },
    }),
  });
  t.same((await res.json()).data.importRegister, { ok: true, entrustments: 199 }, 'acknowledged');
  const exited = exitOf(server);
  server.kill('SIGKILL');
  t.equal((await exited).code, null, 'killed, not closed');

  const store = await openEmbeddedStore(dir);
  t.teardown(() => store.close());
  const counts = await store.counts();
  t.same([counts.parties, counts.entrustments], [200, 199]);
  t.same(
    (await store.entrustmentsInto(['p199'])).map((e) => e.id),
    ['e198'],
    'the indexes were written with the records',
  );
});
