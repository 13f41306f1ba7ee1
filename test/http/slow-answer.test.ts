import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { defaultSecurity } from '../../src/security-config.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from '../helpers/app.js';

// An answer that takes longer than REQUEST_TIMEOUT_S to compute still reaches its asker: the
// timeout bounds how long a request may take to arrive (a body that trickles in), not how long
// the service may think. It once closed the connection under a long whole-graph answer, and the
// dashboard saw "other side closed" instead of an answer.

/** The same store, whose scan of parties takes `ms` longer: an answer slower than the timeout. */
function slower(store: StorePort, ms: number): StorePort {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== 'scanParties') return value.bind(target);
      return async (...args: unknown[]) => {
        await sleep(ms);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

t.test('an answer slower than the request timeout is still given', async (t) => {
  const store = await tempStore(t, 'vc-slow-');
  const app = await buildApp({
    store: slower(store, 2_500),
    security: { ...defaultSecurity(), requestTimeoutMs: 1_000 },
  });
  t.teardown(() => app.close());
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`${address}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ overview { incidentCount } }' }),
  });
  t.equal(res.status, 200);
  t.same(await res.json(), { data: { overview: { incidentCount: 0 } } });
});

t.test('a request that trickles in is still cut off at the timeout', async (t) => {
  const store = await tempStore(t, 'vc-slow-');
  const app = await buildApp({
    store,
    security: { ...defaultSecurity(), requestTimeoutMs: 1_000 },
  });
  t.teardown(() => app.close());
  const address = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
  const { connect } = await import('node:net');
  const socket = connect(Number(address.port), address.hostname);
  socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n');
  socket.write('Content-Length: 100\r\n\r\n{"query":');
  const started = Date.now();
  let answer = '';
  socket.on('data', (chunk) => (answer += String(chunk)));
  await new Promise((resolve) => socket.on('close', resolve));
  t.ok(Date.now() - started < 30_000, 'the connection did not stay open');
  t.match(answer, /^$|^HTTP\/1\.1 408/, 'closed, or told 408 Request Timeout');
});
