import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { generate } from '../../bench/generate.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { exitOf, spawnTs, waitForLine } from '../helpers/spawn-ts.js';
import { Subscriber } from '../helpers/subscriber.js';

// Two instances of the service, each a process of its own, on the one live Neo4j of the suite: the
// same answers and the same ETags from either, a write through one seen at once by the other (its
// tags, its answers, its subscribers), and a graceful close: the request in flight finishes, the
// subscribers are sent complete, the process exits 0.

const skip = neo4jSkip('the two-instance test');
t.setTimeout(900_000);

const LISTENING = /listening at (http:\/\/127\.0\.0\.1:\d+)/;
const OVERVIEW =
  '{ overview(asOf: "2024-02-14") { incidentCount incidents { incident { id } controllers unaware } } }';

interface Instance {
  child: ChildProcessWithoutNullStreams;
  base: string;
  ws: string;
}

async function start(): Promise<Instance> {
  const child = spawnTs('src/server.ts', [], {
    STORE: 'neo4j',
    NEO4J_URI: process.env.NEO4J_URI!,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD!,
    ...(process.env.NEO4J_USER ? { NEO4J_USER: process.env.NEO4J_USER } : {}),
    PORT: '0',
    DEMO: '0',
    CHANGE_POLL_MS: '50',
    RATE_LIMIT_PER_MINUTE: '100000',
    // Generous: on a busy machine the request in flight at the close takes seconds.
    SHUTDOWN_TIMEOUT_S: '600',
  });
  const [, base] = await waitForLine(child, LISTENING);
  // Its log is read as it comes, or the pipe fills and the server blocks.
  child.stdout.resume();
  child.stderr.resume();
  return { child, base: base!, ws: `${base!.replace(/^http/, 'ws')}/graphql` };
}

const get = (i: Instance, query: string, etag?: string) =>
  fetch(`${i.base}/graphql?query=${encodeURIComponent(query)}`, {
    headers: etag ? { 'if-none-match': etag } : {},
  });
const post = async (i: Instance, query: string, variables: Record<string, unknown> = {}) =>
  (
    await fetch(`${i.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  ).json();

t.test('two instances on one Neo4j', { skip }, async (t) => {
  const store = await openStore(loadConfig({ ...process.env, STORE: 'neo4j' }));
  t.teardown(() => store.close());
  const fixture = await readFile(
    new URL('../fixtures/overview/attention.yaml', import.meta.url),
    'utf8',
  );
  const [a, b] = await Promise.all([start(), start()]);
  t.teardown(() => {
    for (const i of [a, b]) if (i.child.exitCode === null) i.child.kill('SIGKILL');
  });
  const IMPORT = 'mutation($d: String!) { importRegister(document: $d) { ok } }';
  t.same((await post(a, IMPORT, { d: fixture })).data, { importRegister: { ok: true } });
  t.teardown(() =>
    store.remove({
      incidents: ['ov-card-leak', 'ov-wrong-address', 'ov-through-a'],
      entrustments: [
        'ov-aware--processor',
        'ov-unaware--reseller',
        'ov-reseller--processor',
        'ov-de--processor',
        'ov-aware--revoked',
        'ov-reseller--revoked',
      ],
      parties: [
        'ov-jp-aware',
        'ov-jp-unaware',
        'ov-de-shop',
        'ov-reseller',
        'ov-processor',
        'ov-revoked',
        'ov-lapsed',
      ],
    }),
  );

  await t.test('the same answers and the same tags from either', async (t) => {
    const [fromA, fromB] = await Promise.all([get(a, OVERVIEW), get(b, OVERVIEW)]);
    t.same(await fromB.json(), await fromA.json());
    t.equal(
      fromB.headers.get('etag'),
      fromA.headers.get('etag'),
      'a poller behind a balancer keeps its 304s',
    );
    t.equal((await get(b, OVERVIEW, fromA.headers.get('etag')!)).status, 304);
  });

  await t.test('a write through one is seen at once by the other', async (t) => {
    const subscriber = new Subscriber(b.ws);
    t.teardown(() => subscriber.close());
    const etag = (await get(b, OVERVIEW)).headers.get('etag')!;
    // The subscriber is live once a write is told to it.
    for (let n = 0; subscriber.changes.length === 0 && n < 100; n++) {
      await post(a, IMPORT, { d: fixture });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    t.ok(subscriber.changes.length > 0, 'the subscriber on B is told of writes through A');
    const told = subscriber.changes.length;
    const leak = JSON.stringify({
      register: 1,
      incidents: [
        {
          id: 'ov-through-a',
          party: 'ov-reseller',
          kind: 'insider',
          from: '2024-02-01',
          detected: '2024-02-12',
        },
      ],
    });
    t.same((await post(a, IMPORT, { d: leak })).data, { importRegister: { ok: true } });
    const generation = await store.generation();
    const after = await get(b, OVERVIEW, etag);
    t.equal(after.status, 200, "B's tag changed with A's write");
    const body = await after.json();
    t.ok(
      body.data.overview.incidents.some(
        (i: { incident: { id: string } }) => i.incident.id === 'ov-through-a',
      ),
      "B's answer has A's write",
    );
    await subscriber.waitFor(told + 1);
    t.ok(
      subscriber.changes.some((c) => Number(c.revision) === generation),
      `B's subscriber is told of generation ${generation}`,
    );
  });

  await t.test('whole-register findings agree after a write through the other', async (t) => {
    const FINDINGS = `{ redelegationFindings(asOf: "2024-02-14", first: 10000) { id rule } }`;
    const ours = async (i: Instance) =>
      ((await post(i, FINDINGS)).data.redelegationFindings as { id: string; rule: string }[])
        .filter((f) => f.id.startsWith('ov-'))
        .map((f) => f.id)
        .sort();
    const before = await ours(b);
    t.ok(before.length > 0, `B has the fixture's findings (${before.length}), and remembers them`);
    const second = JSON.stringify({
      register: 1,
      entrustments: [
        {
          id: 'ov-reseller--revoked',
          client: 'ov-reseller',
          contractor: 'ov-revoked',
          under: ['ov-unaware--reseller'],
          data: ['user.name'],
          disclosed: false,
        },
      ],
    });
    t.same((await post(a, IMPORT, { d: second })).data, { importRegister: { ok: true } });
    const [fromA, fromB] = [await ours(a), await ours(b)];
    t.ok(
      fromB.some((id) => id.startsWith('ov-reseller--revoked|')),
      "B's findings have the re-entrustment written through A",
    );
    t.same(fromB, fromA, 'the same findings from either');
    t.ok(fromB.length > before.length);
  });

  await t.test(
    'a graceful close: the request in flight finishes, subscribers complete',
    async (t) => {
      const subscriber = new Subscriber(a.ws);
      t.teardown(() => subscriber.close());
      for (let n = 0; subscriber.changes.length === 0 && n < 100; n++) {
        await post(b, IMPORT, { d: fixture });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // A register that takes a while to import, sent to A; A is told to stop once it has begun.
      const big = generate(60, 5);
      const started = waitForLine(a.child, /"method":"POST".*"msg":"incoming request"/);
      const inFlight = post(
        a,
        'mutation($d: String!) { importRegister(document: $d, dryRun: true) { parties } }',
        {
          d: big.document,
        },
      );
      await started;
      const exited = exitOf(a.child);
      a.child.kill('SIGTERM');
      t.same(
        (await inFlight).data,
        { importRegister: { parties: big.parties } },
        'the request in flight is answered',
      );
      await subscriber.ended;
      t.ok(subscriber.completed, "A's subscriber is sent complete");
      t.equal((await exited).code, 0, 'A exits 0');
      t.equal((await get(b, '{ stats { parties } }')).status, 200, 'B keeps serving');
    },
  );

  const exited = exitOf(b.child);
  b.child.kill('SIGTERM');
  t.equal((await exited).code, 0);
});
