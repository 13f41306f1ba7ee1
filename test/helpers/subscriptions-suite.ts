import type { Test } from 'tap';
import { newKey } from '../../src/access/key-hash.js';
import { buildApp } from '../../src/app.js';
import { defaultDashboards, type DashboardConfig } from '../../src/dashboards/config.js';
import { auditDraft } from '../../src/register/audit-summary.js';
import { defaultSecurity } from '../../src/security-config.js';
import type { StorePort } from '../../src/store/port.js';
import { Subscriber } from './subscriber.js';

// registerChanged over WebSocket on every store: one change per committed write, wherever it was
// made (`writers` commit writes as another thread, process or instance would), the key checked at
// connection_init, the bound per key, and a clean end when the service closes. A shared store may
// take other tests' writes meanwhile: those are changes too, so the suite checks that every
// generation is told once and in order, and that its own writes are among them.

const FAST: DashboardConfig = { ...defaultDashboards(), changePollMs: 50 };

/** The store without its close: the suite's store outlives each app. */
const shared = (store: StorePort) =>
  new Proxy(store, { get: (s, p) => (p === 'close' ? async () => {} : Reflect.get(s, p)) });

async function listening(t: Test, store: StorePort, dashboards = FAST) {
  const app = await buildApp({ store: shared(store), dashboards, security: defaultSecurity() });
  t.teardown(() => app.close());
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `${address.replace(/^http/, 'ws')}/graphql` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const last = (s: Subscriber) => Number(s.changes.at(-1)?.revision ?? -1);

async function until(what: string, done: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const started = Date.now(); !done(); await sleep(20))
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting: ${what}`);
}

export type Writer = (id: string) => Promise<void>;

/** A writer that imports through an app's importRegister mutation (its import worker, when large). */
export const importThrough =
  (app: Awaited<ReturnType<typeof buildApp>>, document: (id: string) => string): Writer =>
  async (id) => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        query:
          'mutation($d: String!) { importRegister(document: $d) { ok errors { path message } } }',
        variables: { d: document(id) },
      },
    });
    if (!res.json().data?.importRegister.ok) throw new Error(res.body);
  };

export async function subscriptionsSuite(
  t: Test,
  store: StorePort,
  writers: Record<string, Writer>,
  cleanup: (ids: string[]) => Promise<void>,
): Promise<void> {
  const written: string[] = [];
  t.teardown(() => cleanup(written));
  const writeWith = async (write: Writer) => {
    const id = `sub-${process.pid}-${written.length}`;
    written.push(id);
    await write(id);
    return store.generation();
  };
  const anyWriter = Object.values(writers).at(-1)!;

  /** Writes until every subscriber is told of a write made after it subscribed: then it is live. */
  const live = async (subscribers: Subscriber[]) => {
    for (let round = 0; round < 50; round++) {
      const generation = await writeWith(anyWriter);
      await sleep(200);
      if (subscribers.every((s) => last(s) >= generation)) return;
    }
    throw new Error('the subscribers were not told of the warm-up writes');
  };

  t.test('one change per committed write, in order, wherever it was made', async (t) => {
    const { url } = await listening(t, store);
    const [one, two] = [new Subscriber(url), new Subscriber(url)];
    t.teardown(async () => {
      await one.close();
      await two.close();
    });
    await live([one, two]);
    const from = one.changes.length;
    for (const [how, write] of Object.entries(writers)) {
      const generation = await writeWith(write);
      await until(`the write by ${how}`, () => last(one) >= generation);
      t.ok(
        one.changes.some((c) => c.revision === String(generation)),
        `a write by ${how} is told, as generation ${generation}`,
      );
    }
    // Quiet: the last change told is the store's generation, each one once and in order.
    await until('the store to settle', () => last(one) === last(two));
    const generation = await store.generation();
    await until('every change', () => last(one) >= generation && last(two) >= generation);
    const revisions = one.changes.slice(from).map((c) => Number(c.revision));
    t.same(
      revisions,
      revisions.map((_, i) => revisions[0]! + i),
      'every generation once, in order, none skipped',
    );
    t.same(two.changes.slice(-revisions.length), one.changes.slice(from), 'both are told the same');
    for (const c of one.changes) t.ok(!Number.isNaN(Date.parse(c.at)), `${c.at} is a time`);
  });

  t.test('the key comes in connection_init; each key holds a bounded number', async (t) => {
    const { plain, record } = await newKey(`sub-reader-${process.pid}`, 'reader');
    await store.addApiKey(record, auditDraft('test', 'keys create', `key "${record.name}"`));
    t.teardown(() => store.revokeApiKey(record.name, auditDraft('test', 'keys revoke', 'x')));
    const { url } = await listening(t, store, { ...FAST, subscriptionsPerKey: 1 });

    const nobody = new Subscriber(url);
    await nobody.ended;
    t.same([nobody.changes.length, nobody.errors.length > 0], [0, true], 'no key: refused');
    const wrong = new Subscriber(url, 'Bearer vc_nope_nope');
    await wrong.ended;
    t.same([wrong.changes.length, wrong.errors.length > 0], [0, true], 'a wrong key: refused');

    const first = new Subscriber(url, `Bearer ${plain}`);
    t.teardown(() => first.close());
    await live([first]);
    t.pass('a valid key: told');
    const second = new Subscriber(url, `Bearer ${plain}`);
    await second.ended;
    t.match(JSON.stringify(second.errors), /already holds 1 subscriptions.*SUBSCRIPTIONS_PER_KEY/);

    await first.close();
    const third = new Subscriber(url, `Bearer ${plain}`);
    t.teardown(() => third.close());
    await live([third]);
    t.pass('a closed subscription frees its place for the next');
  });

  t.test('closing the service completes every subscription', async (t) => {
    const { app, url } = await listening(t, store);
    const subscriber = new Subscriber(url);
    t.teardown(() => subscriber.close());
    await live([subscriber]);
    await app.close();
    await subscriber.ended;
    t.ok(subscriber.completed, 'the client is sent complete, not an error');
    t.same(subscriber.errors, []);
  });
}
