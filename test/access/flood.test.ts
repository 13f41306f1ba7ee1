import type { AddressInfo } from 'node:net';
import t from 'tap';
import { HashSlots } from '../../src/access/hash-slots.js';
import { newKey } from '../../src/access/key-hash.js';
import { buildApp } from '../../src/app.js';
import { auditDraft } from '../../src/register/audit-summary.js';
import { defaultSecurity } from '../../src/security-config.js';
import { tempStore } from '../helpers/app.js';
import { Subscriber } from '../helpers/subscriber.js';

// An attacker's view: wrong keys in bulk against a real server on loopback, while a monitor asks
// /healthz. Failed checks are cut off per address before they cost a hash; the service answers.

const store = await tempStore(t, 'vc-flood-');
const { plain, record } = await newKey('ops', 'reader');
await store.addApiKey(record, auditDraft('test', 'keys create', 'key "ops"'));
const LIMIT = 5;
const app = await buildApp({
  store,
  security: { ...defaultSecurity(), authFailuresPerMinute: LIMIT, rateLimitPerMinute: 100_000 },
});
t.teardown(() => app.close());
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
t.ok(base);

// The real key's id with another secret: the most expensive wrong key, since its id is found.
const wrong = plain.replace(/_[A-Za-z0-9_-]{43}$/, `_${'A'.repeat(43)}`);
const ask = (key: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stats { parties } }' }),
  });

t.test('a flood of wrong keys is cut off at the limit, /healthz answering all along', async (t) => {
  const statuses: number[] = [];
  const health: number[] = [];
  for (let round = 0; round < 8; round++) {
    const burst = Array.from({ length: 10 }, () => ask(wrong));
    health.push((await fetch(`${base}/healthz`)).status);
    const answers = await Promise.all(burst);
    statuses.push(...answers.map((a) => a.status));
    if (round === 7) {
      const last = answers[answers.length - 1]!;
      t.ok(Number(last.headers.get('retry-after')) >= 1, 'Retry-After says when');
      t.match((await last.json()).errors[0], {
        message: /AUTH_FAILURES_PER_MINUTE\) is 5 a minute/,
        extensions: { code: 'RATE_LIMITED' },
      });
    }
  }
  const count = (s: number) => statuses.filter((x) => x === s).length;
  t.same([count(401), count(429), statuses.length], [LIMIT, 80 - LIMIT, 80], 'hashed only 5');
  t.same(new Set(health), new Set([200]), '/healthz answered 200 every time');
  const good = await ask(plain);
  t.equal(good.status, 429, 'a key never verified is not hashed for this address either');
});

t.test('a key verified before still passes from an address held back', async (t) => {
  const other = await buildApp({
    store: new Proxy(store, {
      get: (target, prop) => (prop === 'close' ? async () => {} : Reflect.get(target, prop)),
    }),
    security: { ...defaultSecurity(), authFailuresPerMinute: 2 },
  });
  t.teardown(() => other.close());
  const inject = (key: string) =>
    other.inject({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: `Bearer ${key}` },
      payload: { query: '{ stats { parties } }' },
    });
  t.equal((await inject(plain)).statusCode, 200, 'verified once (hashed)');
  t.same(
    [(await inject(wrong)).statusCode, (await inject(wrong)).statusCode],
    [401, 401],
    'two failures: the limit',
  );
  t.equal((await inject(wrong)).statusCode, 429);
  t.equal((await inject(plain)).statusCode, 200, 'the remembered key needs no hash');
  const garbage = await inject('vck_zzzzzzzzzzzz_' + 'B'.repeat(43));
  t.equal(garbage.statusCode, 401, 'an id that names no key is refused for free');
});

t.test('key hashes run a bounded number at once; beyond the line, refused at once', async (t) => {
  const slots = new HashSlots(1, 2);
  let running = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const job = () =>
    slots.run(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return 'hashed';
    });
  const jobs = [job(), job(), job()];
  await t.rejects(job(), { code: 'RATE_LIMITED', message: /too many API keys are being checked/ });
  t.same(slots.load, { running: 1, waiting: 2 });
  for (let i = 0; i < 3; i++) {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
  }
  t.same(await Promise.all(jobs), ['hashed', 'hashed', 'hashed']);
  t.equal(most, 1, 'never two at once');
  t.same(slots.load, { running: 0, waiting: 0 });
});

t.test('the Host check and the address limit come before any key is looked at', async (t) => {
  const strict = await buildApp({
    store: new Proxy(store, {
      get: (target, prop) => (prop === 'close' ? async () => {} : Reflect.get(target, prop)),
    }),
    security: { ...defaultSecurity(), rateLimitPerMinute: 2 },
  });
  t.teardown(() => strict.close());
  const send = (host: string) =>
    strict.inject({
      method: 'POST',
      url: '/graphql',
      headers: { host, authorization: `Bearer ${wrong}` },
      payload: { query: '{ stats { parties } }' },
    });
  t.equal((await send('attacker.example')).statusCode, 421, 'wrong Host: 421, not 401');
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await send('127.0.0.1')).statusCode);
  t.same(statuses, [401, 401, 429, 429], 'the third is refused by the limit, not the key check');
});

t.test('wrong keys in connection_init count against the address as over HTTP', async (t) => {
  const limited = await buildApp({
    store: new Proxy(store, {
      get: (target, prop) => (prop === 'close' ? async () => {} : Reflect.get(target, prop)),
    }),
    security: { ...defaultSecurity(), authFailuresPerMinute: 3, rateLimitPerMinute: 100_000 },
  });
  t.teardown(() => limited.close());
  await limited.listen({ host: '127.0.0.1', port: 0 });
  const port = (limited.server.address() as AddressInfo).port;
  const refusalOf = async (key: string) => {
    const subscriber = new Subscriber(`ws://127.0.0.1:${port}/graphql`, `Bearer ${key}`);
    await subscriber.ended;
    t.same(subscriber.changes, [], 'nothing is told on a refused connection');
    return JSON.stringify(subscriber.errors);
  };
  for (let i = 1; i <= 3; i++)
    t.match(await refusalOf(wrong), /UNAUTHENTICATED/, `wrong key ${i} of 3: not valid`);
  t.match(
    await refusalOf(wrong),
    /too many failed key checks.*AUTH_FAILURES_PER_MINUTE\) is 3 a minute; retry in \d+ s.*RATE_LIMITED/,
    'the fourth is held back, not hashed',
  );
  const overHttp = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${wrong}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stats { parties } }' }),
  });
  t.equal(overHttp.status, 429, 'the same address is held back over HTTP: one count for both');
});
