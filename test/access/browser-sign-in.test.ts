import { createHash } from 'node:crypto';
import t, { type Test } from 'tap';
import { OIDC_DEFAULTS } from '../../src/access/oidc.js';
import { buildApp } from '../../src/app.js';
import {
  bearer,
  challengeOf,
  finishSignIn,
  signOut,
  signOutAt,
  startSignIn,
  type SignInConfig,
} from '../../src/explorer/client/sign-in.js';
import { loadConfig } from '../../src/config.js';
import { defaultSecurity } from '../../src/security-config.js';
import { tempStore } from '../helpers/app.js';
import { API_AUDIENCE, signInAs, startIssuer } from '../helpers/oidc-issuer.js';

// The pages' sign-in (authorization code + PKCE) against a real provider on loopback, through
// its own sign-in pages, with the browser's storage and fetch passed in.

const REDIRECT = 'http://127.0.0.1:4000/explorer';
const issuer = await startIssuer([], {
  browser: {
    id: 'vendor-chain-pages',
    redirectUris: [REDIRECT],
    accounts: { 'sato@city': { vendor_chain_role: 'reader' } },
  },
});
t.teardown(() => issuer.close());
const app = await buildApp({
  store: await tempStore(t, 'vc-browser-sso-'),
  security: {
    ...defaultSecurity(),
    oidc: {
      ...OIDC_DEFAULTS,
      issuer: issuer.issuer,
      audience: API_AUDIENCE,
      clientId: 'vendor-chain-pages',
    },
  },
});
t.teardown(() => app.close());
t.ok(issuer.issuer);

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** The pages' sign-in settings of a service configured as by `extra` beside this issuer. */
async function pagesConfigWith(t: Test, extra: Record<string, string>) {
  const env = {
    OIDC_ISSUER: issuer.issuer,
    OIDC_AUDIENCE: API_AUDIENCE,
    OIDC_CLIENT_ID: 'vendor-chain-pages',
    ...extra,
  };
  const service = await buildApp({
    store: await tempStore(t, 'vc-browser-sso-env-'),
    security: loadConfig(env).security,
  });
  t.teardown(() => service.close());
  return { env, config: (await service.inject('/auth/config')).json().signIn as SignInConfig };
}

t.test("the S256 challenge is the verifier's SHA-256, base64url without padding", async (t) => {
  for (const verifier of ['a'.repeat(43), 'Zx-_09'.repeat(12), '~.'.repeat(30)])
    t.equal(
      await challengeOf(verifier),
      createHash('sha256').update(verifier).digest('base64url'),
      verifier,
    );
});

t.test('a page signs in with code + PKCE and asks /graphql with the token', async (t) => {
  const config = (await app.inject('/auth/config')).json().signIn as SignInConfig;
  t.match(config, {
    issuer: issuer.issuer,
    clientId: 'vendor-chain-pages',
    audience: API_AUDIENCE,
  });
  const parts = { storage: memoryStorage(), fetch };
  const url = await startSignIn(config, REDIRECT, parts);
  t.match(new URL(url).searchParams.get('code_challenge_method'), 'S256');
  const back = await signInAs(url, 'sato@city');
  t.match(back, /^http:\/\/127\.0\.0\.1:4000\/explorer\?code=/);
  const token = await finishSignIn(config, back, parts);
  t.ok(token, 'a token');
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: bearer(parts)! },
    payload: { query: '{ stats { parties } }' },
  });
  t.same([res.statusCode, res.json().data], [200, { stats: { parties: 0 } }]);
  t.equal(await finishSignIn(config, back, parts), null, 'a code is taken once');
  signOut(parts);
  t.equal(bearer(parts), null, 'signed out: no Authorization header any more');
});

t.test("signing out ends the provider's session too, back to the page", async (t) => {
  const config = (await app.inject('/auth/config')).json().signIn as SignInConfig;
  t.equal(config.signOutAtProvider, true, 'on by default');
  const parts = { storage: memoryStorage(), fetch };
  await finishSignIn(
    config,
    await signInAs(await startSignIn(config, REDIRECT, parts), 'sato@city'),
    parts,
  );
  const idToken = parts.storage.getItem('vendor-chain.id-token');
  t.match(idToken, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'the ID token is kept to name the session');
  const url = new URL((await signOutAt(config, REDIRECT, parts))!);
  t.equal(bearer(parts), null, 'signed out of the tab first');
  t.equal(parts.storage.getItem('vendor-chain.id-token'), null, 'and the ID token forgotten');
  t.equal(`${url.origin}${url.pathname}`, `${issuer.issuer}/session/end`);
  t.same(Object.fromEntries(url.searchParams), {
    client_id: 'vendor-chain-pages',
    post_logout_redirect_uri: REDIRECT,
    id_token_hint: idToken,
  });
  const asked = await fetch(url, { redirect: 'manual' });
  t.equal(asked.status, 200, 'the provider takes the request: its sign-out page');
  t.match(await asked.text(), /session\/end\/confirm/, 'its confirmation step');
  const elsewhere = new URL(url);
  elsewhere.searchParams.set('post_logout_redirect_uri', 'https://attacker.example/');
  t.equal((await fetch(elsewhere, { redirect: 'manual' })).status, 400, 'not to elsewhere');

  const off = { storage: memoryStorage(), fetch };
  off.storage.setItem('vendor-chain.token', 'x');
  t.equal(await signOutAt({ ...config, signOutAtProvider: false }, REDIRECT, off), null);
  t.equal(bearer(off), null, 'turned off: the tab is signed out, the provider left alone');
});

t.test('an answer with another state is refused', async (t) => {
  const config = (await app.inject('/auth/config')).json().signIn as SignInConfig;
  const parts = { storage: memoryStorage(), fetch };
  await startSignIn(config, REDIRECT, parts);
  await t.rejects(finishSignIn(config, `${REDIRECT}?code=x&state=forged`, parts), {
    message: /not for this page/,
  });
});

t.test('the API is named as the RFC 8707 resource unless the provider refuses it', async (t) => {
  const config = (await app.inject('/auth/config')).json().signIn as SignInConfig;
  t.equal(config.resource, API_AUDIENCE, 'sent by default (Keycloak, oidc-provider)');
  const parts = { storage: memoryStorage(), fetch };
  const sent = new URL(await startSignIn(config, REDIRECT, parts));
  t.equal(sent.searchParams.get('resource'), API_AUDIENCE);

  // Entra ID's v2.0 endpoints answer AADSTS901002 to a resource: OIDC_SEND_RESOURCE=false.
  const { env, config: without } = await pagesConfigWith(t, { OIDC_SEND_RESOURCE: 'false' });
  t.equal(without.resource, null);
  const url = new URL(await startSignIn(without, REDIRECT, { storage: memoryStorage(), fetch }));
  t.equal(url.searchParams.has('resource'), false, 'no resource in the authorization request');
  t.throws(() => loadConfig({ ...env, OIDC_SEND_RESOURCE: 'maybe' }), {
    message: /OIDC_SEND_RESOURCE: expected 0, 1, true or false/,
  });
});

t.test("OIDC_SIGN_OUT_AT_PROVIDER=false leaves the provider's session to it", async (t) => {
  const { env, config } = await pagesConfigWith(t, { OIDC_SIGN_OUT_AT_PROVIDER: 'false' });
  t.equal(config.signOutAtProvider, false);
  t.equal(await signOutAt(config, REDIRECT, { storage: memoryStorage(), fetch }), null);
  t.throws(() => loadConfig({ ...env, OIDC_SIGN_OUT_AT_PROVIDER: 'maybe' }), {
    message: /OIDC_SIGN_OUT_AT_PROVIDER: expected 0, 1, true or false/,
  });
});

t.test("the pages may fetch from the provider's origin, and only with sign-in", async (t) => {
  for (const page of ['/explorer', '/graphiql']) {
    const res = await app.inject(page);
    t.match(res.headers['content-security-policy'], `connect-src 'self' ${issuer.issuer};`, page);
  }
  const keysOnly = await buildApp({ store: await tempStore(t, 'vc-browser-keys-') });
  t.teardown(() => keysOnly.close());
  for (const page of ['/explorer', '/graphiql'])
    t.match(
      (await keysOnly.inject(page)).headers['content-security-policy'],
      "connect-src 'self';",
    );
});
