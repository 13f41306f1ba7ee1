import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Test } from 'tap';
import { parse } from 'yaml';
import { buildApp } from '../../src/app.js';
import { inProject } from '../../src/paths.js';
import type { StorePort } from '../../src/store/port.js';
import { gql, type App } from './app.js';

// The register's lifecycle (syncs that retire, removals, revisions, chain changes) through GraphQL
// on a store the suites share, so both stores keep the same history. Each test has its own scope
// name and actor, so other tests' revisions on a shared Neo4j do not count, and removes what its
// fixtures wrote. The clock is fixed: the sync of 2024-04-01 ends what it retires on that day.

type Row = Record<string, any>;
const IMPORT_DAY = '2024-04-01';
const fixture = (name: string) =>
  readFile(inProject('test', 'fixtures', 'lifecycle', name), 'utf8');
const FIXTURES = [
  'kita-city-register.yaml',
  'contractor-dropped-from-register.yaml',
  'party-imported-by-mistake.yaml',
];

const IMPORT = `mutation($d: String!, $sync: String, $force: Boolean, $dry: Boolean) {
  importRegister(document: $d, sync: $sync, force: $force, dryRun: $dry) {
    ok errors { path message } revision sync { scope held retire limitPercent refused }
  } }`;
const REMOVE = `mutation($e: [ID!], $p: [ID!], $i: [ID!], $s: [ID!]) {
  removeRecords(entrustments: $e, parties: $p, incidents: $i, sources: $s) { ok removed missing revision dependants { record field refersTo } }
}`;

export async function lifecycleSuite(t: Test, store: StorePort): Promise<void> {
  /** An app on the shared store, as `actor`, with the import day as its clock; the fixtures' records go when `t` ends. */
  const appFor = async (t: Test): Promise<{ app: App; actor: string; scope: string }> => {
    const actor = `lc${randomBytes(4).toString('hex')}`;
    const app = await buildApp({
      store,
      lifecycle: { retireLimitPercent: 20, now: () => new Date(`${IMPORT_DAY}T09:00:00Z`) },
    });
    // After the access check (a route-level onRequest hook, which would name the anonymous actor):
    // the writes below are this test's own, told apart from other tests' on a shared store.
    app.addHook(
      'preHandler',
      async (request) => void (request.principal = { name: actor, role: 'editor' }),
    );
    t.teardown(async () => {
      await app.close();
      const ids: Record<string, string[]> = {
        parties: [],
        entrustments: [],
        incidents: [],
        sources: [],
      };
      for (const name of FIXTURES) {
        const doc = parse(await fixture(name));
        for (const section of Object.keys(ids))
          ids[section]!.push(...(doc[section] ?? []).map((r: { id: string }) => r.id));
      }
      await store.remove(ids);
    });
    return { app, actor, scope: `kita-${actor}` };
  };
  const run = async (app: App, query: string, variables: Record<string, unknown>) => {
    const { data, errors } = await gql(app, query, variables);
    if (errors) throw new Error(JSON.stringify(errors));
    return data;
  };
  const sync = async (app: App, name: string, scope: string, extra: Row = {}) =>
    (await run(app, IMPORT, { d: await fixture(name), sync: scope, ...extra }))
      .importRegister as Row;
  const mine = async (app: App, actor: string) =>
    (
      (
        await run(
          app,
          '{ revisions(first: 500) { id at actor scope added changed retired removed } }',
          {},
        )
      ).revisions as Row[]
    ).filter((r) => r.actor === actor);

  t.test(
    'a contractor dropped from the register is retired on the import date, not deleted',
    async (t) => {
      const { app, scope } = await appFor(t);
      const first = await sync(app, 'kita-city-register.yaml', scope);
      t.same(
        first.sync,
        { scope, held: 0, retire: [], limitPercent: 20, refused: false },
        'a new scope holds nothing yet',
      );
      const second = await sync(app, 'contractor-dropped-from-register.yaml', scope);
      t.equal(second.ok, true, JSON.stringify(second.errors));
      t.same(
        second.sync,
        { scope, held: 5, retire: ['kita-integrator--mailer'], limitPercent: 20, refused: false },
        'one of five is 20%: not more than the limit',
      );
      const { entrustment } = await run(
        app,
        '{ entrustment(id: "kita-integrator--mailer") { id from to retired contractor { id } } }',
        {},
      );
      t.same(entrustment, {
        id: 'kita-integrator--mailer',
        from: '2016-01-01',
        to: IMPORT_DAY,
        retired: true,
        contractor: { id: 'kita-mailer' },
      });
      const { entrustment: kept } = await run(
        app,
        '{ entrustment(id: "kita-city--printer") { to retired } }',
        {},
      );
      t.same(
        kept,
        { to: '2030-04-01', retired: false },
        'what the register still lists is untouched',
      );
      const chain = async (asOf: string) =>
        (
          (
            await run(
              app,
              `{ supplyChain(controller: "kita-city", asOf: "${asOf}") { parties { id } } }`,
              {},
            )
          ).supplyChain.parties as Row[]
        )
          .map((p) => p.id)
          .sort();
      t.notOk(
        (await chain('2024-06-01')).includes('kita-mailer'),
        "today's supply chain no longer has it",
      );
      t.ok((await chain('2020-06-01')).includes('kita-mailer'), 'the chain of 2020 still has it');
      const radius = await run(
        app,
        '{ blastRadius(party: "kita-mailer", from: "2019-01-01", to: "2019-02-01") { controllers { party { id } } } }',
        {},
      );
      t.same(
        radius.blastRadius.controllers.map((c: Row) => c.party.id),
        ['kita-city'],
        'a leak in a past window still reaches the city',
      );
      const later = await run(
        app,
        '{ blastRadius(party: "kita-mailer", from: "2024-06-01") { controllers { party { id } } } }',
        {},
      );
      t.same(later.blastRadius.controllers, [], 'a leak after the retirement reaches nobody');
    },
  );

  t.test(
    'a sync that would retire more than the limit is refused with its plan, unless forced; a dry run shows the same plan',
    async (t) => {
      const { app, actor, scope } = await appFor(t);
      await sync(app, 'kita-city-register.yaml', scope);
      const plan = {
        scope,
        held: 5,
        retire: [
          'kita-city--printer',
          'kita-integrator--callcenter',
          'kita-integrator--cloud',
          'kita-integrator--mailer',
        ],
        limitPercent: 20,
        refused: true,
      };
      const dry = await sync(app, 'register-truncated-by-mistake.yaml', scope, { dry: true });
      t.same(
        [dry.ok, dry.sync, dry.revision],
        [false, plan, null],
        'the dry run refuses as the import would',
      );
      const refused = await sync(app, 'register-truncated-by-mistake.yaml', scope);
      t.same([refused.ok, refused.sync, refused.revision], [false, plan, null]);
      t.match(refused.errors, [
        {
          path: 'sync',
          message:
            /^would retire 4 of the 5 entrustments scope "[^"]+" holds \(80%\), more than the limit of 20% .*: kita-city--printer, kita-integrator--callcenter, kita-integrator--cloud, kita-integrator--mailer$/,
        },
      ]);
      const { entrustment } = await run(
        app,
        '{ entrustment(id: "kita-integrator--cloud") { to retired } }',
        {},
      );
      t.same(entrustment, { to: null, retired: false }, 'nothing was written');
      t.equal((await mine(app, actor)).length, 1, 'and no revision but the first import');
      const forced = await sync(app, 'register-truncated-by-mistake.yaml', scope, { force: true });
      t.same([forced.ok, forced.sync.refused, forced.sync.retire.length], [true, false, 4]);
      const [latest] = await mine(app, actor);
      t.same(
        latest!.retired,
        plan.retire.map((id) => `entrustments/${id}`),
      );
      const { entrustment: printer } = await run(
        app,
        '{ entrustment(id: "kita-city--printer") { to retired } }',
        {},
      );
      t.same(
        printer,
        { to: IMPORT_DAY, retired: true },
        'a later end is brought forward to the import date',
      );
    },
  );

  t.test(
    'removal is refused with its dependants listed, atomically, and allowed with them',
    async (t) => {
      const { app, actor } = await appFor(t);
      await run(app, IMPORT, { d: await fixture('kita-city-register.yaml') });
      await run(app, IMPORT, { d: await fixture('party-imported-by-mistake.yaml') });
      const alone = (await run(app, REMOVE, { p: ['kita-integrater'] })).removeRecords;
      t.same(alone, {
        ok: false,
        removed: [],
        missing: [],
        revision: null,
        dependants: [
          {
            record: 'entrustments/kita-city--integrater',
            field: 'contractor',
            refersTo: 'parties/kita-integrater',
          },
          {
            record: 'incidents/kita-integrater-leak',
            field: 'party',
            refersTo: 'parties/kita-integrater',
          },
        ],
      });
      const upstream = (
        await run(app, REMOVE, { e: ['kita-city--integrator', 'kita-integrator--cloud'] })
      ).removeRecords;
      t.same(
        upstream.dependants.map((d: Row) => d.record),
        ['entrustments/kita-integrator--callcenter', 'entrustments/kita-integrator--mailer'],
        'what is removed with it does not count',
      );
      const source = (await run(app, REMOVE, { s: ['kita-contract-2015'] })).removeRecords;
      t.same(source.dependants, [
        {
          record: 'entrustments/kita-city--integrator',
          field: 'sources',
          refersTo: 'sources/kita-contract-2015',
        },
      ]);
      t.equal(
        (await run(app, '{ party(id: "kita-integrater") { id } }', {})).party?.id,
        'kita-integrater',
        'a refusal removes nothing',
      );
      const all = (
        await run(app, REMOVE, {
          p: ['kita-integrater'],
          e: ['kita-city--integrater'],
          i: ['kita-integrater-leak', 'no-such-leak'],
        })
      ).removeRecords;
      t.same(
        [all.ok, all.removed, all.missing, all.dependants],
        [
          true,
          [
            'parties/kita-integrater',
            'entrustments/kita-city--integrater',
            'incidents/kita-integrater-leak',
          ],
          ['incidents/no-such-leak'],
          [],
        ],
      );
      t.equal((await run(app, '{ party(id: "kita-integrater") { id } }', {})).party, null);
      const [latest] = await mine(app, actor);
      t.same(
        [latest!.id, latest!.removed, latest!.added],
        [all.revision, all.removed, []],
        'the removal is a revision',
      );
    },
  );

  t.test(
    'every write is a revision: who, when, scope, added, changed, retired, removed',
    async (t) => {
      const { app, actor, scope } = await appFor(t);
      const first = await sync(app, 'kita-city-register.yaml', scope);
      const second = await sync(app, 'contractor-dropped-from-register.yaml', scope);
      const again = await sync(app, 'contractor-dropped-from-register.yaml', scope);
      const revs = await mine(app, actor);
      t.same(
        revs.map((r) => r.id),
        [again.revision, second.revision, first.revision],
        'newest first, ids as the imports reported them',
      );
      t.same(
        revs[2]!.added.length,
        12,
        'the first import adds 1 source, 6 parties, 5 entrustments',
      );
      t.same(revs[1], {
        id: second.revision,
        at: `${IMPORT_DAY}T09:00:00.000Z`,
        actor,
        scope,
        added: ['parties/kita-sms', 'entrustments/kita-integrator--sms'],
        changed: [],
        retired: ['entrustments/kita-integrator--mailer'],
        removed: [],
      });
      t.same(
        [revs[0]!.added, revs[0]!.changed, revs[0]!.retired],
        [[], [], []],
        'an unchanged re-import retires nothing more',
      );
      const log = await store.auditLog(500, null);
      const entry = log.find((e) => e.id === second.revision)!;
      t.match(entry.summary, /retired 1 \(entrustments\/kita-integrator--mailer\)/);
      t.notMatch(
        entry.summary,
        /Kita|北市|2015-04-01|user\./,
        'the audit summary holds ids and counts, no register contents',
      );
    },
  );

  t.test('supplyChainChanges: what entered and left the chain between two dates', async (t) => {
    const { app, scope } = await appFor(t);
    await sync(app, 'kita-city-register.yaml', scope);
    await sync(app, 'contractor-dropped-from-register.yaml', scope);
    const { supplyChainChanges: c } = await run(
      app,
      `{ supplyChainChanges(controller: "kita-city", from: "2016-06-01", to: "2024-06-01") {
      controller { id } from to
      entered { parties { id } entrustments { id } }
      left { parties { id } entrustments { id retired to } }
    } }`,
      {},
    );
    t.same(c.controller.id, 'kita-city');
    t.same(
      [c.entered.parties, c.entered.entrustments],
      [
        [{ id: 'kita-callcenter' }, { id: 'kita-sms' }],
        [{ id: 'kita-integrator--callcenter' }, { id: 'kita-integrator--sms' }],
      ],
    );
    t.same(
      [c.left.parties, c.left.entrustments],
      [[{ id: 'kita-mailer' }], [{ id: 'kita-integrator--mailer', retired: true, to: IMPORT_DAY }]],
    );
    const bad = await gql(
      app,
      '{ supplyChainChanges(controller: "kita-city", from: "2024-01-01", to: "2023-01-01") { from } }',
    );
    t.match(bad.errors, [
      { message: /^to: must be after from \(2024-01-01\)/, extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });
}
