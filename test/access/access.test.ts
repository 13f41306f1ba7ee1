import t from 'tap';
import { newKey } from '../../src/access/key-hash.js';
import { accessAtStart } from '../../src/access/start-check.js';
import { buildApp } from '../../src/app.js';
import { auditDraft } from '../../src/register/audit-summary.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import { demoRegister, tempStore, type App } from '../helpers/app.js';

// Keys, roles and the audit log over HTTP, on the real embedded store.

const store = await tempStore(t, 'vc-access-');
const demo = await importRegister(store, await demoRegister());
const app = await buildApp({ store });
t.teardown(() => app.close());
// Asserted after every top-level await: tap ends a file's plan at its first idle moment.
t.ok(demo.ok);

async function post(
  target: App,
  query: string,
  key?: string,
  variables: Record<string, unknown> = {},
) {
  const res = await target.inject({
    method: 'POST',
    url: '/graphql',
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    payload: { query, variables },
  });
  const body = res.json();
  return {
    status: res.statusCode,
    data: body.data,
    errors: body.errors as { message: string; extensions: { code: string } }[] | undefined,
    headers: res.headers,
  };
}
const codeOf = (r: { errors?: { extensions: { code: string } }[] }) =>
  r.errors?.[0]?.extensions.code;

const IMPORT = 'mutation($d: String!) { importRegister(document: $d) { ok errors { message } } }';
const AUDIT = '{ auditLog(first: 5) { id at actor action summary } }';
const small = (id: string) =>
  `register: 1\nparties:\n  - { id: ${id}, name: "Secret Name ${id}", kind: company }\n`;

t.test(
  'with no key a loopback service is anonymous with every role; a non-loopback one is not served',
  async (t) => {
    const anon = await post(app, IMPORT, undefined, { d: small('anon-co') });
    t.equal(anon.data.importRegister.ok, true);
    t.equal(await accessAtStart(store, '127.0.0.1', true), 'anonymous');
    await t.rejects(accessAtStart(store, '0.0.0.0', false), {
      code: 'VC_CONFIG',
      message: /^HOST: 0\.0\.0\.0 is not a loopback address and no API key exists/,
    });
    const shared = new Proxy(store, {
      get: (target, prop) => (prop === 'close' ? async () => {} : Reflect.get(target, prop)),
    });
    const exposed = await buildApp({
      store: shared,
      security: { ...defaultSecurity('0.0.0.0'), loopback: false },
    });
    t.teardown(() => exposed.close());
    const refused = await post(exposed, '{ stats { parties } }');
    t.same([refused.status, codeOf(refused)], [401, 'UNAUTHENTICATED']);
  },
);

const keys: Record<string, string> = {};
t.test('keys are stored as scrypt hashes only', async (t) => {
  for (const role of ['reader', 'editor', 'admin'] as const) {
    const { plain, record } = await newKey(`${role}-key`, role);
    await store.addApiKey(record, auditDraft('test', 'keys create', `key "${record.name}"`));
    keys[role] = plain;
    t.match(plain, /^vck_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  }
  const stored = JSON.stringify(await store.apiKeys());
  for (const plain of Object.values(keys)) {
    // The secret is base64url, which may itself hold "_": take everything after the key id.
    const secret = /^vck_[a-z0-9]{12}_(.+)$/.exec(plain)![1]!;
    t.equal(secret.length, 43);
    t.notOk(stored.includes(secret), 'the secret is not stored');
  }
  t.same(
    (await store.apiKeys()).map((k) => [
      k.name,
      k.role,
      Buffer.from(k.salt, 'base64').length,
      Buffer.from(k.hash, 'base64').length,
      k.n,
    ]),
    [
      ['admin-key', 'admin', 16, 32, 32768],
      ['editor-key', 'editor', 16, 32, 32768],
      ['reader-key', 'reader', 16, 32, 32768],
    ],
  );
  const { record } = await newKey('reader-key', 'admin');
  await t.rejects(store.addApiKey(record, auditDraft('test', 'keys create', 'dup')), {
    code: 'BAD_USER_INPUT',
    message: /a key named "reader-key" exists already/,
  });
  t.equal(await accessAtStart(store, '0.0.0.0', false), 'keys');
});

t.test('once a key exists: 401 without a valid key, FORBIDDEN without the role', async (t) => {
  const none = await post(app, '{ stats { parties } }');
  t.same(
    [none.status, codeOf(none), none.headers['www-authenticate']],
    [401, 'UNAUTHENTICATED', 'Bearer'],
  );
  t.match(none.errors?.[0]?.message, /no API key was sent: send "Authorization: Bearer <key>"/);
  const wrongSecret = keys.reader!.slice(0, -4) + 'AAAA';
  for (const header of [wrongSecret, 'vck_000000000000_' + 'A'.repeat(43), 'not-a-key']) {
    const bad = await post(app, '{ stats { parties } }', header);
    t.same([bad.status, codeOf(bad)], [401, 'UNAUTHENTICATED'], header);
  }
  const basic = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: 'Basic abc' },
    payload: { query: '{ stats { parties } }' },
  });
  t.match(basic.json().errors[0].message, /not "Bearer <key>"/);
  t.equal((await app.inject('/healthz')).statusCode, 200, '/healthz stays open');

  const read = await post(app, '{ stats { parties } }', keys.reader);
  t.same([read.status, read.errors, read.data.stats.parties > 0], [200, undefined, true]);
  const readerWrites = await post(app, IMPORT, keys.reader, { d: small('reader-co') });
  t.same(
    [codeOf(readerWrites), readerWrites.errors?.[0]?.message],
    ['FORBIDDEN', 'a mutation needs the editor role; this key is a reader'],
  );
  t.equal((await store.parties(['reader-co'])).length, 0, 'nothing written');
  const editorWrites = await post(app, IMPORT, keys.editor, { d: small('editor-co') });
  t.equal(editorWrites.data.importRegister.ok, true);
  const editorAudit = await post(app, AUDIT, keys.editor);
  t.same(
    [codeOf(editorAudit), editorAudit.errors?.[0]?.message],
    ['FORBIDDEN', 'the audit log needs the admin role; this key is a editor'],
  );
  t.equal(codeOf(await post(app, AUDIT, keys.reader)), 'FORBIDDEN');
});

t.test(
  'the audit log: every write, newest first, who and what, never contents or keys',
  async (t) => {
    const before = (await post(app, AUDIT, keys.admin)).data.auditLog;
    await post(app, IMPORT, keys.editor, {
      d: 'register: 1\nparties:\n  - { id: broken, kind: nonsense }\n',
    });
    await post(
      app,
      'mutation($d: String!) { importRegister(document: $d, dryRun: true) { ok } }',
      keys.editor,
      { d: small('dry-co') },
    );
    t.same(
      (await post(app, AUDIT, keys.admin)).data.auditLog,
      before,
      'a refused import and a dry run write no entry',
    );
    await post(app, IMPORT, keys.editor, {
      d: small('editor-co') + '  - { id: second-co, name: Other, kind: company }\n',
    });
    const log = (await post(app, AUDIT, keys.admin)).data.auditLog;
    t.same(log.map((e: { actor: string; action: string }) => [e.actor, e.action]).slice(0, 5), [
      ['editor-key', 'importRegister'],
      ['editor-key', 'importRegister'],
      ['test', 'keys create'],
      ['test', 'keys create'],
      ['test', 'keys create'],
    ]);
    t.equal(
      log[0].summary,
      '0 sources, 2 parties, 0 entrustments, 0 incidents; added 1 (parties/second-co); changed 0; unchanged 1',
    );
    t.equal(
      log[1].summary,
      '0 sources, 1 parties, 0 entrustments, 0 incidents; added 1 (parties/editor-co); changed 0; unchanged 0',
    );
    t.ok(Number(log[0].id) > Number(log[1].id) && !Number.isNaN(Date.parse(log[0].at)));
    const all = JSON.stringify(
      (await post(app, '{ auditLog(first: 500) { id actor action summary } }', keys.admin)).data,
    );
    t.notOk(all.includes('Secret Name'), 'no register contents');
    for (const plain of Object.values(keys)) t.notOk(all.includes(plain.slice(4, 20)), 'no key');
    const page = (
      await post(app, 'query($a: ID) { auditLog(first: 1, after: $a) { id } }', keys.admin, {
        a: log[0].id,
      })
    ).data.auditLog;
    t.same(page, [{ id: log[1].id }], 'after pages back');
    t.equal(
      codeOf(await post(app, '{ auditLog(after: "x") { id } }', keys.admin)),
      'BAD_USER_INPUT',
    );
    t.equal(
      codeOf(await post(app, '{ auditLog(first: 501) { id } }', keys.admin)),
      'BAD_USER_INPUT',
    );
  },
);

t.test('a revoked key is refused at once, and its revocation is in the log', async (t) => {
  t.equal((await post(app, '{ stats { parties } }', keys.reader)).status, 200);
  t.equal(
    await store.revokeApiKey(
      'reader-key',
      auditDraft('cli:ops', 'keys revoke', 'key "reader-key"'),
    ),
    true,
  );
  t.equal(
    await store.revokeApiKey('reader-key', auditDraft('cli:ops', 'keys revoke', 'again')),
    false,
  );
  const after = await post(app, '{ stats { parties } }', keys.reader);
  t.same([after.status, codeOf(after)], [401, 'UNAUTHENTICATED']);
  const [latest] = (await post(app, AUDIT, keys.admin)).data.auditLog;
  t.same(
    [latest.actor, latest.action, latest.summary],
    ['cli:ops', 'keys revoke', 'key "reader-key"'],
    'the failed second revoke left no entry',
  );
});
