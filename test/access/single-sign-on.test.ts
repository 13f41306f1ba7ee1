import { SignJWT, importJWK } from 'jose';
import t from 'tap';
import { OIDC_DEFAULTS } from '../../src/access/oidc.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import { tempStore } from '../helpers/app.js';
import { API_AUDIENCE, OTHER_AUDIENCE, signingKey, startIssuer } from '../helpers/oidc-issuer.js';
import { twoTowns } from '../helpers/scope-suite.js';

// Bearer JWTs from a real OpenID provider started on loopback (oidc-provider): discovery, JWKS,
// rotation, expiry, audience; role and scope from the token's claims; the audit log names the
// token's subject.

const issuer = await startIssuer([
  { id: 'analyst', claims: { vendor_chain_role: 'reader' } },
  { id: 'importer', claims: { vendor_chain_role: 'editor' } },
  { id: 'auditor', claims: { vendor_chain_role: 'admin' } },
  {
    id: 'town-a-office',
    claims: { vendor_chain_role: 'reader', vendor_chain_controllers: ['scope-town-a'] },
  },
  { id: 'no-role', claims: {} },
  { id: 'entra-style', claims: { vendor_chain_role: ['reader', 'editor'] } },
]);
t.teardown(() => issuer.close());
const store = await tempStore(t, 'vc-sso-');
const loaded = await importRegister(store, await twoTowns());
const security = {
  ...defaultSecurity(),
  rateLimitPerMinute: 100_000,
  authFailuresPerMinute: 100_000,
  oidc: {
    ...OIDC_DEFAULTS,
    issuer: issuer.issuer,
    audience: API_AUDIENCE,
    jwksCooldownMs: 0,
    jwksMaxAgeMs: 1_000,
    clockToleranceS: 0,
  },
};
const app = await buildApp({ store, security });
t.teardown(() => app.close());
t.ok(loaded.ok);

async function ask(token: string | undefined, query: string, variables = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: { query, variables },
  });
  const body = res.json();
  return { status: res.statusCode, body, code: body.errors?.[0]?.extensions?.code as string };
}
const STATS = '{ stats { parties } }';

t.test('a token from the provider signs in, with the role its claim gives', async (t) => {
  const reader = await ask(await issuer.token('analyst'), STATS);
  t.same([reader.status, reader.body.data.stats.parties], [200, 7]);
  const write = await ask(
    await issuer.token('analyst'),
    'mutation($d: String!) { importRegister(document: $d) { ok } }',
    { d: 'register: 1\n' },
  );
  t.equal(write.code, 'FORBIDDEN', 'a reader may not import');
  const anonymous = await ask(undefined, STATS);
  t.same([anonymous.status], [401], 'with sign-on, never anonymous');
  t.match(
    anonymous.body.errors[0].message,
    /^no key or token was sent: sign in again \(the explorer's and GraphiQL's Sign in\)/,
    'and the message says how to get a token',
  );
  const listed = await ask(
    await issuer.token('entra-style'),
    'mutation($d: String!) { importRegister(document: $d, dryRun: true) { ok } }',
    { d: 'register: 1\n' },
  );
  t.equal(listed.body.data?.importRegister.ok, true, 'a list of roles: the highest counts');
  const none = await ask(await issuer.token('no-role'), STATS);
  t.same([none.status, none.code], [403, 'FORBIDDEN']);
  t.match(none.body.errors[0].message, /no vendor_chain_role claim/);
});

t.test('the audit log names the token subject', async (t) => {
  const imported = await ask(
    await issuer.token('importer'),
    'mutation($d: String!) { importRegister(document: $d) { ok } }',
    { d: 'register: 1\nparties:\n  - { id: sso-new-co, name: SSO Co, kind: company }\n' },
  );
  t.equal(imported.body.data.importRegister.ok, true);
  const log = await ask(await issuer.token('auditor'), '{ auditLog(first: 1) { actor action } }');
  t.same(log.body.data.auditLog, [{ actor: 'oidc:importer', action: 'importRegister' }]);
});

t.test('the controllers claim scopes the token like a scoped key', async (t) => {
  const token = await issuer.token('town-a-office');
  const other = await ask(token, '{ supplyChain(controller: "scope-town-b") { parties { id } } }');
  t.equal(other.code, 'NOT_FOUND');
  const stats = await ask(token, '{ stats { parties entrustments } }');
  t.same(stats.body.data.stats, { parties: 3, entrustments: 2 });
});

t.test('wrong audience, a foreign signer and an expired token are 401', async (t) => {
  const elsewhere = await ask(await issuer.token('analyst', OTHER_AUDIENCE), STATS);
  t.same([elsewhere.status, elsewhere.code], [401, 'UNAUTHENTICATED']);
  t.match(elsewhere.body.errors[0].message, /claim aud/);

  // Same issuer, audience, claims and key id: only the key is not the provider's.
  const foreignKey = await signingKey('first');
  const foreign = await new SignJWT({ vendor_chain_role: 'admin' })
    .setProtectedHeader({ alg: 'RS256', kid: 'first' })
    .setIssuer(issuer.issuer)
    .setAudience(API_AUDIENCE)
    .setSubject('mallory')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(foreignKey, 'RS256'));
  const forged = await ask(foreign, STATS);
  t.same([forged.status, forged.code], [401, 'UNAUTHENTICATED']);
  t.match(forged.body.errors[0].message, /bad signature/);

  const short = await startIssuer([{ id: 'analyst', claims: { vendor_chain_role: 'reader' } }], {
    ttlS: 4,
  });
  t.teardown(() => short.close());
  const brief = await buildApp({
    store: new Proxy(store, {
      get: (target, prop) => (prop === 'close' ? async () => {} : Reflect.get(target, prop)),
    }),
    security: { ...security, oidc: { ...security.oidc, issuer: short.issuer } },
  });
  t.teardown(() => brief.close());
  const token = await short.token('analyst');
  const send = () =>
    brief.inject({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: `Bearer ${token}` },
      payload: { query: STATS },
    });
  t.equal((await send()).statusCode, 200, 'accepted while valid');
  // exp is in whole seconds, at most 4 s after the token was issued.
  await new Promise((resolve) => setTimeout(resolve, 4_100));
  const expired = await send();
  t.same(
    [expired.statusCode, expired.json().errors[0].message],
    [
      401,
      "the token is not accepted (expired): sign in again (the explorer's and GraphiQL's Sign in) and send \"Authorization: Bearer <token>\" with the provider's access token, or a key from `vendor-chain keys create`",
    ],
  );
});

t.test('a rotated signing key is fetched; a key the provider dropped is refused', async (t) => {
  const before = await issuer.token('analyst');
  t.equal((await ask(before, STATS)).status, 200);
  await issuer.rotate(true);
  const after = await issuer.token('analyst');
  t.not(after, before);
  t.equal((await ask(after, STATS)).status, 200, 'a token signed by the new key');
  t.equal((await ask(before, STATS)).status, 200, 'the old key is still published');
  await issuer.rotate(false);
  // Keys are cached for OIDC_JWKS_MAX_AGE_S (1 s here): past it the provider's set is read again.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  const dropped = await ask(before, STATS);
  t.same([dropped.status, dropped.code], [401, 'UNAUTHENTICATED'], 'the old key is gone');
  t.match(dropped.body.errors[0].message, /a key the issuer does not publish/);
  t.equal((await ask(await issuer.token('analyst'), STATS)).status, 200);
});

t.test('configuration: issuer and audience together; http:// only on loopback', async (t) => {
  t.throws(() => loadConfig({ OIDC_ISSUER: 'https://id.example.jp/realms/city' }), {
    message: /^OIDC_AUDIENCE: is required with OIDC_ISSUER/,
  });
  t.throws(
    () => loadConfig({ OIDC_ISSUER: 'http://id.example.jp/realms/city', OIDC_AUDIENCE: 'api' }),
    {
      message:
        /^OIDC_ISSUER: must be https:\/\/ \(http:\/\/ only for a provider on a loopback address\)/,
    },
  );
  const local = loadConfig({
    OIDC_ISSUER: 'http://127.0.0.1:8080/realms/dev',
    OIDC_AUDIENCE: 'api',
  });
  t.match(local.security.oidc, {
    issuer: 'http://127.0.0.1:8080/realms/dev',
    audience: 'api',
    roleClaim: 'vendor_chain_role',
    controllersClaim: 'vendor_chain_controllers',
  });
  const renamed = loadConfig({
    OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
    OIDC_AUDIENCE: 'api://vendor-chain',
    OIDC_ROLE_CLAIM: 'roles',
  });
  t.equal(renamed.security.oidc?.roleClaim, 'roles');
});
