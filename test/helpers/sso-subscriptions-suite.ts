import type { Test } from 'tap';
import { OIDC_DEFAULTS } from '../../src/access/oidc.js';
import { buildApp } from '../../src/app.js';
import { defaultDashboards } from '../../src/dashboards/config.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import type { StorePort } from '../../src/store/port.js';
import { API_AUDIENCE, OTHER_AUDIENCE, startIssuer } from './oidc-issuer.js';
import { Subscriber } from './subscriber.js';

// registerChanged with single sign-on: the JWT comes in connection_init as
// { authorization: "Bearer …" } and is checked as an HTTP request's is, against a real
// OpenID provider on loopback (oidc-provider). A refused token gets its reason and code on the
// subscription, not a bare "Forbidden", and is told nothing.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first error a refused subscriber was sent: its message and code. */
function refusalOf(subscriber: Subscriber): { message: string; code: string } {
  const [first] = subscriber.errors.flat() as {
    message?: string;
    extensions?: { code?: string };
  }[];
  return { message: first?.message ?? '', code: first?.extensions?.code ?? '' };
}

export async function ssoSubscriptionsSuite(t: Test, store: StorePort): Promise<void> {
  const clients = [
    { id: 'dashboard', claims: { vendor_chain_role: 'reader' } },
    { id: 'town-a', claims: { vendor_chain_role: 'reader', vendor_chain_controllers: ['town-a'] } },
    { id: 'bad-scope', claims: { vendor_chain_role: 'reader', vendor_chain_controllers: [42] } },
    { id: 'no-role', claims: {} },
  ];
  const issuer = await startIssuer(clients);
  const short = await startIssuer(clients, { ttlS: 2 });
  const foreign = await startIssuer(clients);
  t.teardown(async () => {
    await issuer.close();
    await short.close();
    await foreign.close();
  });
  const serve = async (issuerUrl: string) => {
    const app = await buildApp({
      // The store outlives each app.
      store: new Proxy(store, {
        get: (s, p) => (p === 'close' ? async () => {} : Reflect.get(s, p)),
      }),
      dashboards: { ...defaultDashboards(), changePollMs: 50 },
      security: {
        ...defaultSecurity(),
        oidc: {
          ...OIDC_DEFAULTS,
          issuer: issuerUrl,
          audience: API_AUDIENCE,
          jwksCooldownMs: 0,
          clockToleranceS: 0,
        },
      },
    });
    t.teardown(() => app.close());
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    return `${address.replace(/^http/, 'ws')}/graphql`;
  };
  const url = await serve(issuer.issuer);

  const written: string[] = [];
  t.teardown(() => store.remove({ parties: written }).then(() => undefined));
  /** Writes until `subscriber` is told of a write made after it subscribed. */
  const toldOfWrites = async (subscriber: Subscriber) => {
    for (let round = 0; round < 50; round++) {
      const id = `sso-sub-${process.pid}-${written.length}`;
      written.push(id);
      const report = await importRegister(
        store,
        JSON.stringify({ register: 1, parties: [{ id, name: id, kind: 'company' }] }),
      );
      if (!report.ok) throw new Error(JSON.stringify(report.errors));
      const generation = await store.generation();
      await sleep(200);
      if (subscriber.errors.length > 0) return false;
      if (Number(subscriber.changes.at(-1)?.revision ?? -1) >= generation) return true;
    }
    return false;
  };
  const subscribe = (token: string | undefined, at = url) => {
    const subscriber = new Subscriber(at, token === undefined ? undefined : `Bearer ${token}`);
    t.teardown(() => subscriber.close());
    return subscriber;
  };

  t.test('a token from the provider subscribes, in connection_init', async (t) => {
    const subscriber = subscribe(await issuer.token('dashboard'));
    t.ok(await toldOfWrites(subscriber), 'told of a write');
    t.same(subscriber.errors, []);
    const scoped = subscribe(await issuer.token('town-a'));
    t.ok(await toldOfWrites(scoped), 'a token scoped to controllers is told too');
  });

  t.test('the lower-case key of the brief works as well', async (t) => {
    // connection_init { authorization: "Bearer …" }, as a browser page sends it.
    const token = await issuer.token('dashboard');
    const { createClient } = await import('graphql-ws');
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    t.teardown(() => client.dispose());
    const acked = await new Promise<boolean>((resolve) => {
      client.on('connected', () => resolve(true));
      client.on('error', () => resolve(false));
      client.subscribe(
        { query: 'subscription { registerChanged { revision } }' },
        {
          next: () => {},
          error: () => resolve(false),
          complete: () => {},
        },
      );
    });
    t.ok(acked);
  });

  const refusals: [string, () => Promise<string | undefined>, string, RegExp][] = [
    ['no token', async () => undefined, 'UNAUTHENTICATED', /no key or token was sent: sign in/],
    [
      'a token for another audience',
      () => issuer.token('dashboard', OTHER_AUDIENCE),
      'UNAUTHENTICATED',
      /not accepted \(claim aud/,
    ],
    [
      'a token of another provider',
      () => foreign.token('dashboard'),
      'UNAUTHENTICATED',
      /not accepted \((bad signature|signed by a key the issuer does not publish)\)/,
    ],
    [
      'a token with no role',
      () => issuer.token('no-role'),
      'FORBIDDEN',
      /no vendor_chain_role claim/,
    ],
    [
      'a token whose scope cannot be read',
      () => issuer.token('bad-scope'),
      'UNAUTHENTICATED',
      /vendor_chain_controllers claim is not a list of party ids/,
    ],
    ['a mangled token', async () => 'eyJ.eyJ.sig', 'UNAUTHENTICATED', /not accepted/],
  ];
  for (const [what, token, code, message] of refusals)
    t.test(`${what} is refused, saying why`, async (t) => {
      const subscriber = subscribe(await token());
      await subscriber.ended;
      t.equal(subscriber.changes.length, 0, 'told nothing');
      const refusal = refusalOf(subscriber);
      t.equal(refusal.code, code);
      t.match(refusal.message, message);
    });

  t.test('an expired token is refused, saying so', async (t) => {
    const at = await serve(short.issuer);
    const token = await short.token('dashboard');
    const fresh = subscribe(token, at);
    t.ok(await toldOfWrites(fresh), 'accepted while valid');
    // exp is in whole seconds, at most 2 s after the token was issued.
    await sleep(2_100);
    const late = subscribe(token, at);
    await late.ended;
    t.same(refusalOf(late), {
      code: 'UNAUTHENTICATED',
      message:
        "the token is not accepted (expired): sign in again (the explorer's and GraphiQL's Sign in) and send \"Authorization: Bearer <token>\" with the provider's access token, or a key from `vendor-chain keys create`",
    });
  });
}
