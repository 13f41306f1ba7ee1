import { readFile } from 'node:fs/promises';
import t from 'tap';
import { newKey } from '../../src/access/key-hash.js';
import { buildApp } from '../../src/app.js';
import { inProject } from '../../src/paths.js';
import { auditDraft } from '../../src/register/audit-summary.js';
import { importRegister } from '../../src/register/import.js';
import { removeRecords } from '../../src/register/remove.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore, type App } from '../helpers/app.js';

// The lifecycle's edges on the real embedded store: roles, bad arguments, the audit log beside the
// revisions, and writes that another write overtakes between their plan and their transaction.

const fixture = (name: string) =>
  readFile(inProject('test', 'fixtures', 'lifecycle', name), 'utf8');

async function post(app: App, query: string, key: string, variables: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${key}` },
    payload: { query, variables },
  });
  return {
    status: res.statusCode,
    ...(res.json() as { data: any; errors?: { message: string; extensions: { code: string } }[] }),
  };
}

t.test(
  'readers list revisions and chain changes; only editors remove; the audit log stays with admins and holds no contents',
  async (t) => {
    const store = await tempStore(t);
    const keys: Record<string, string> = {};
    for (const role of ['reader', 'editor', 'admin'] as const) {
      const { plain, record } = await newKey(`${role}-key`, role);
      await store.addApiKey(record, auditDraft('test', 'keys create', `key "${record.name}"`));
      keys[role] = plain;
    }
    const app = await buildApp({ store });
    t.teardown(() => app.close());
    const imported = await post(
      app,
      'mutation($d: String!) { importRegister(document: $d, sync: "kita") { ok revision } }',
      keys.editor!,
      { d: await fixture('kita-city-register.yaml') },
    );
    t.same(
      imported.data.importRegister,
      { ok: true, revision: '4' },
      'three key writes came first',
    );
    const revs = await post(app, '{ revisions { id actor scope added } }', keys.reader!);
    t.same(
      revs.data.revisions.map((r: { id: string; actor: string; scope: string }) => [
        r.id,
        r.actor,
        r.scope,
      ]),
      [['4', 'editor-key', 'kita']],
      'key writes are not revisions',
    );
    const changes = await post(
      app,
      '{ supplyChainChanges(controller: "kita-city", from: "2015-06-01", to: "2016-06-01") { entered { parties { id } } left { parties { id } } } }',
      keys.reader!,
    );
    t.same(changes.data.supplyChainChanges, {
      entered: { parties: [{ id: 'kita-mailer' }] },
      left: { parties: [] },
    });
    const forbidden = await post(
      app,
      'mutation { removeRecords(parties: ["kita-printer"]) { ok } }',
      keys.reader!,
    );
    t.equal(forbidden.errors?.[0]?.extensions.code, 'FORBIDDEN');
    t.equal(
      (await post(app, '{ auditLog { id } }', keys.editor!)).errors?.[0]?.extensions.code,
      'FORBIDDEN',
    );
    const log = await post(app, '{ auditLog(first: 1) { id action summary } }', keys.admin!);
    t.same(log.data.auditLog[0].id, '4');
    t.match(
      log.data.auditLog[0].summary,
      /^sync kita: 1 sources, 6 parties, 5 entrustments, 0 incidents; added 12 \(/,
    );
    t.notMatch(
      log.data.auditLog[0].summary,
      /Kita |北市|user\.|2015-04-01/,
      'ids and counts only: no names, categories or dates',
    );
  },
);

t.test('bad arguments name the argument, and write nothing', async (t) => {
  const store = await tempStore(t);
  const { plain, record } = await newKey('editor-key', 'editor');
  await store.addApiKey(record, auditDraft('test', 'keys create', 'editor'));
  const app = await buildApp({ store });
  t.teardown(() => app.close());
  const before = await store.generation();
  const scope = await post(
    app,
    'mutation($d: String!) { importRegister(document: $d, sync: "") { ok } }',
    plain,
    { d: await fixture('kita-city-register.yaml') },
  );
  t.match(scope.errors, [
    { message: /^sync: expected a scope name/, extensions: { code: 'BAD_USER_INPUT' } },
  ]);
  const nothing = await post(app, 'mutation { removeRecords { ok } }', plain);
  t.match(nothing.errors, [
    { message: /^removeRecords: name at least one/, extensions: { code: 'BAD_USER_INPUT' } },
  ]);
  const badId = await post(
    app,
    'mutation { removeRecords(entrustments: ["ok-id", "Not An Id"]) { ok } }',
    plain,
  );
  t.match(badId.errors, [
    { message: /^entrustments\[1\]: expected an id/, extensions: { code: 'BAD_USER_INPUT' } },
  ]);
  const first = await post(app, '{ revisions(first: 0) { id } }', plain);
  t.match(first.errors, [
    {
      message: 'first: must be a whole number from 1 to 500, got 0',
      extensions: { code: 'BAD_USER_INPUT' },
    },
  ]);
  t.equal(await store.generation(), before, 'nothing was written');
});

/** A store on which another writer commits `between` once, just before the next guarded write's transaction. */
function overtaken(
  store: StorePort,
  method: 'upsert' | 'remove',
  between: () => Promise<unknown>,
): StorePort & { overtakes: number } {
  let pending = true;
  const counter = { overtakes: 0 };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'overtakes') return counter.overtakes;
      if (prop !== method) return Reflect.get(target, prop);
      return async (...args: unknown[]) => {
        if (pending) {
          pending = false;
          counter.overtakes += 1;
          await between();
        }
        return (Reflect.get(target, prop) as (...a: unknown[]) => Promise<unknown>).apply(
          target,
          args,
        );
      };
    },
  }) as StorePort & { overtakes: number };
}

t.test('a sync overtaken by another write is planned again on what that write left', async (t) => {
  const store = await tempStore(t);
  await importRegister(store, await fixture('kita-city-register.yaml'), { sync: 'kita' });
  // Between the sync's plan and its write, another import ends kita-city--printer early: the sync
  // must notice (its plan and revision were made before) and plan again.
  const other =
    'register: 1\nentrustments:\n  - { id: kita-city--printer, client: kita-city, contractor: kita-printer, under: [], data: [user.name], from: 2015-04-01, to: 2020-04-01 }\n';
  const racing = overtaken(store, 'upsert', () => importRegister(store, other));
  const report = await importRegister(
    racing,
    await fixture('contractor-dropped-from-register.yaml'),
    { sync: 'kita', now: new Date('2024-04-01T00:00:00Z') },
  );
  t.same(
    [report.ok, racing.overtakes, report.sync?.retire],
    [true, 1, ['kita-integrator--mailer']],
  );
  const [printer] = await store.entrustments(['kita-city--printer']);
  t.equal(printer?.to, '2030-04-01', 'the sync, planned again, wrote the document as it is');
  const [latest, between] = await store.auditLog(2, null);
  t.same(
    [latest?.revision?.changed, between?.revision?.changed],
    [['entrustments/kita-city--printer'], ['entrustments/kita-city--printer']],
    'and its revision says it changed what the other write had changed',
  );
});

t.test('a removal overtaken by a write that adds a dependant is refused with it', async (t) => {
  const store = await tempStore(t);
  await importRegister(store, await fixture('kita-city-register.yaml'));
  await importRegister(store, await fixture('party-imported-by-mistake.yaml'));
  const ids = {
    parties: ['kita-integrater'],
    entrustments: ['kita-city--integrater'],
    incidents: ['kita-integrater-leak'],
  };
  const late =
    'register: 1\nentrustments:\n  - { id: kita-integrater--cloud, client: kita-integrater, contractor: kita-cloud, under: [kita-city--integrater] }\n';
  const racing = overtaken(store, 'remove', () => importRegister(store, late));
  const report = await removeRecords(racing, ids);
  t.same([report.ok, racing.overtakes], [false, 1]);
  t.same(
    report.dependants.map((d) => `${d.from.id} ${d.field} ${d.to.id}`),
    [
      'kita-integrater--cloud under kita-city--integrater',
      'kita-integrater--cloud client kita-integrater',
    ],
  );
  t.equal((await store.parties(['kita-integrater'])).length, 1, 'nothing removed');
});
