import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import type { Test } from 'tap';
import { parse, stringify } from 'yaml';
import { buildApp } from '../../src/app.js';
import { ScopedStore } from '../../src/domain/scope/scoped-store.js';
import { inProject } from '../../src/paths.js';
import { importRegister } from '../../src/register/import.js';
import { defaultSecurity } from '../../src/security-config.js';
import type { StorePort } from '../../src/store/port.js';
import { gql } from './app.js';

// A key scoped to controllers sees the store as if it held only their chains: the same GraphQL
// API over ScopedStore, on any store. The app here serves the scoped view itself (no key), so the
// suite can run on a store other suites share; test/access/scoped-keys.test.ts adds the keys.

const SECURITY = { ...defaultSecurity(), rateLimitPerMinute: 1_000_000 };

export const twoTowns = () =>
  readFile(inProject('test/fixtures/access/two-towns-one-cart.yaml'), 'utf8');

/** Removes what a register imported, so a shared store is left as it was. */
async function removeAll(store: StorePort, doc: Record<string, { id: string }[]>) {
  const of = (s: string) => (doc[s] ?? []).map((r) => r.id);
  await store.remove({
    incidents: of('incidents'),
    entrustments: of('entrustments'),
    parties: of('parties'),
    sources: of('sources'),
  });
}

export async function scopeSuite(t: Test, store: StorePort): Promise<void> {
  const shared = new Proxy(store, {
    get: (target, prop) => (prop === 'close' ? async () => {} : Reflect.get(target, prop)),
  });

  await t.test("town-a's view of two towns on one cart", async (t) => {
    const text = await twoTowns();
    t.equal((await importRegister(store, text)).ok, true);
    t.teardown(() => removeAll(store, parse(text)));
    const app = await buildApp({
      store: new ScopedStore(shared, ['scope-town-a']),
      security: SECURITY,
    });
    t.teardown(() => app.close());
    const ask = async (query: string) => gql(app, query);
    const code = (r: { errors?: { extensions?: { code?: string } }[] }) =>
      r.errors?.[0]?.extensions?.code;

    t.same((await ask('{ party(id: "scope-town-b") { id } }')).data, { party: null });
    t.same((await ask('{ incident(id: "scope-mailer-leak") { id } }')).data, { incident: null });
    t.equal(
      code(await ask('{ supplyChain(controller: "scope-town-b") { parties { id } } }')),
      'NOT_FOUND',
    );
    t.equal(
      code(await ask('{ blastRadius(party: "scope-mailer") { controllers { party { id } } } }')),
      'NOT_FOUND',
      "another controller's contractor does not exist here",
    );
    const radius = await ask(
      '{ blastRadius(incident: "scope-cart-leak") { controllers { party { id } paths { hops { id } } } } }',
    );
    t.same(
      radius.data.blastRadius.controllers.map((c: { party: { id: string } }) => c.party.id),
      ['scope-town-a'],
      'the leak reaches town-b too, but this key is told of town-a only',
    );
    const cart = await ask(
      '{ entrustment(id: "scope-runner-cart") { under { id } client { id } } }',
    );
    t.same(cart.data.entrustment.under, [{ id: 'scope-a-runner' }], '`under` names no hidden link');
    const runner = await ask('{ party(id: "scope-runner") { id parent { id } } }');
    t.same(runner.data.party, { id: 'scope-runner', parent: null }, 'nor a parent outside it');
    const search = await ask('{ searchParties(text: "scope town", first: 10) { id } }');
    t.same(search.data.searchParties, [{ id: 'scope-town-a' }]);
    const stats = await ask('{ stats { parties entrustments incidents sources } }');
    t.same(stats.data.stats, { parties: 3, entrustments: 2, incidents: 1, sources: 1 });
    const findings = await ask('{ redelegationFindings { entrustment { id } upstream { id } } }');
    t.same(
      [
        ...new Set(
          findings.data.redelegationFindings.map(
            (f: { upstream: { id: string } }) => f.upstream.id,
          ),
        ),
      ],
      ['scope-a-runner'],
      'findings over the whole (visible) register',
    );
    t.equal(
      code(await ask('{ auditLog { id } }')),
      'FORBIDDEN',
      'the audit log spans every controller',
    );
  });

  await t.test('a scoped editor writes inside its chains only', async (t) => {
    const text = await twoTowns();
    t.equal((await importRegister(store, text)).ok, true);
    const added = ['scope-cart-backup'];
    t.teardown(async () => {
      await shared.remove({ entrustments: ['scope-cart-backup'], parties: added });
      await removeAll(store, parse(text));
    });
    const app = await buildApp({
      store: new ScopedStore(shared, ['scope-town-a']),
      security: SECURITY,
    });
    t.teardown(() => app.close());
    const IMPORT =
      'mutation($d: String!) { importRegister(document: $d) { ok errors { message } } }';
    const write = (doc: string) => gql(app, IMPORT, { d: `register: 1\n${doc}` });
    const inside = await write(
      'parties:\n  - { id: scope-cart-backup, name: Backup, kind: service }\nentrustments:\n  - { id: scope-cart-backup, client: scope-runner, contractor: scope-cart-backup, under: [scope-a-runner] }\n',
    );
    t.equal(inside.data?.importRegister.ok, true, 'continuing its own chain');
    const seen = await gql(app, '{ party(id: "scope-cart-backup") { id } }');
    t.same(seen.data.party, { id: 'scope-cart-backup' });
    // Another town's party does not exist for this key: naming it is an unknown reference.
    const unknown = await write(
      'entrustments:\n  - { id: scope-b-more, client: scope-town-b, contractor: scope-runner, under: [] }\n',
    );
    t.equal(unknown.data?.importRegister.ok, false, "another town's own data");
    t.match(unknown.data?.importRegister.errors[0].message, /scope-town-b/);
    for (const [doc, why] of [
      [
        'entrustments:\n  - { id: scope-b-runner, client: scope-town-a, contractor: scope-runner, under: [] }\n',
        "overwriting another town's entrustment",
      ],
      ['parties:\n  - { id: scope-mailer, name: Renamed, kind: service }\n', 'a party outside'],
      [
        'parties:\n  - { id: scope-new-host, name: New Host, kind: company }\nentrustments:\n  - { id: scope-runner-host, client: scope-runner, contractor: scope-new-host }\n',
        'an inferred link from a shared party',
      ],
    ]) {
      const refused = await write(doc!);
      t.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN', why);
      t.match(refused.errors?.[0]?.message, /not open to a key scoped to controllers/, why);
    }
    const b = await gql(
      await unscoped(t, shared),
      '{ entrustment(id: "scope-b-runner") { client { id } } }',
    );
    t.same(b.data.entrustment.client, { id: 'scope-town-b' }, 'nothing outside was written');
  });

  await t.test('the port itself, method by method, shows only the scope', async (t) => {
    const text = await twoTowns();
    t.equal((await importRegister(store, text)).ok, true);
    t.teardown(() => removeAll(store, parse(text)));
    const view = new ScopedStore(shared, ['scope-town-a']);
    const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();
    t.same(ids(await view.scanIncidents(null, 10)), ['scope-cart-leak']);
    t.same(ids(await view.scanEntrustments('scope-a-runner', 10)), ['scope-runner-cart']);
    t.same(ids(await view.partiesWithParent(['scope-holding'])), [], 'the holding is outside');
    t.same(ids(await view.servicesOperatedBy(['scope-runner'])), []);
    t.same(ids(await view.sources(['scope-notice-a', 'scope-notice-b'])), ['scope-notice-a']);
    t.same(ids(await view.entrustmentsUnder(['scope-b-runner'])), [], 'asked by a hidden id');
    const pages: string[] = [];
    for await (const page of view.entrustmentLinks()) pages.push(...page.map((l) => l.id));
    t.same(pages.sort(), ['scope-a-runner', 'scope-runner-cart']);
    await t.rejects(view.addApiKey(), { code: 'FORBIDDEN' });
    await t.rejects(view.revokeApiKey(), { code: 'FORBIDDEN' });
    t.equal(view.kind, store.kind);
    await view.ping();
    await view.close();
    t.same(
      ids(await shared.parties(['scope-town-b'])),
      ['scope-town-b'],
      'close left the store open',
    );
    // Removing the runner is refused: entrustments refer to it, town-b's among them, unnamed.
    const refused = await view.remove({ parties: ['scope-runner', 'scope-mailer'] }, undefined, {
      refuseReferenced: true,
    });
    const from = refused.map((r) => r.from.id).sort();
    t.ok(from.includes('(outside this key)'), 'a hidden referrer is not named');
    t.notOk(from.includes('scope-b-runner'));
    t.same(ids(await shared.parties(['scope-runner', 'scope-mailer'])), [
      'scope-mailer',
      'scope-runner',
    ]);
  });

  await t.test('a scoped sync keeps what the scope holds beyond the key', async (t) => {
    const text = await twoTowns();
    t.equal((await importRegister(store, text)).ok, true);
    t.teardown(() => removeAll(store, parse(text)));
    const batch = { sources: [], parties: [], incidents: [], entrustments: [] };
    await shared.upsert(batch, undefined, undefined, {
      scope: { name: 'scope-sync', entrustments: ['scope-a-runner', 'scope-b-runner'] },
    });
    const view = new ScopedStore(shared, ['scope-town-a']);
    t.same(await view.scopeHoldings('scope-sync'), ['scope-a-runner']);
    const [a] = await view.entrustments(['scope-a-runner']);
    await view.upsert({ ...batch, entrustments: [a!] }, undefined, undefined, {
      scope: { name: 'scope-sync', entrustments: ['scope-a-runner'] },
    });
    t.same(
      await shared.scopeHoldings('scope-sync'),
      ['scope-a-runner', 'scope-b-runner'],
      "town-b's entrustment stays held",
    );
    await shared.upsert(batch, undefined, undefined, {
      scope: { name: 'scope-sync', entrustments: [] },
    });
  });

  await t.test('no answer to a scoped key names anything outside its chains', async (t) => {
    // Fewer on Neo4j, where each run imports, asks some fifty questions and removes over Bolt.
    const runs = store.kind === 'neo4j' ? 3 : 40;
    await fc.assert(
      fc.asyncProperty(
        randomRegister,
        fc.array(fc.nat(5), { minLength: 1, maxLength: 2 }),
        async (reg, picks) => {
          const controllers = [...new Set(picks.map((i) => `rp-${i}`))];
          const doc = registerDoc(reg);
          const report = await importRegister(store, stringify(doc));
          if (!report.ok) throw new Error(JSON.stringify(report.errors));
          const app = await buildApp({
            store: new ScopedStore(shared, controllers),
            security: SECURITY,
          });
          try {
            const outside = outsideNames(doc, controllers);
            const answers = await Promise.all(QUERIES(doc).map((q) => gql(app, q)));
            for (const answer of answers) {
              if (
                answer.errors?.some(
                  (e: { extensions?: { code?: string } }) =>
                    !['NOT_FOUND'].includes(e.extensions?.code ?? ''),
                )
              )
                throw new Error(`unexpected error: ${JSON.stringify(answer.errors)}`);
              // Errors echo the id asked for (NOT_FOUND): only the data can tell anything.
              const leaked = strings(answer.data).filter((s) => outside.has(s));
              if (leaked.length > 0)
                throw new Error(`names outside the scope: ${leaked.join(', ')}`);
            }
          } finally {
            await app.close();
            await removeAll(store, doc as unknown as Record<string, { id: string }[]>);
          }
        },
      ),
      { numRuns: runs },
    );
    t.pass(`${runs} random registers`);
  });
}

async function unscoped(t: Test, store: StorePort) {
  const app = await buildApp({ store, security: SECURITY });
  t.teardown(() => app.close());
  return app;
}

/** Six parties; entrustments built in order, each re-entrustment naming some entrustments into its client. */
const randomRegister = fc.array(
  fc.record({
    client: fc.nat(5),
    contractor: fc.nat(5),
    pick: fc.nat(),
    incidentAt: fc.option(fc.nat(5)),
  }),
  { maxLength: 12 },
);

type Step = { client: number; contractor: number; pick: number; incidentAt: number | null };

type Doc = {
  register: 1;
  parties: { id: string; name: string; kind: string }[];
  entrustments: {
    id: string;
    client: string;
    contractor: string;
    under: string[];
    data: string[];
  }[];
  incidents: { id: string; party: string; kind: string; data: string[] }[];
};

function registerDoc(steps: Step[]): Doc {
  const doc: Doc = {
    register: 1,
    parties: Array.from({ length: 6 }, (_, i) => ({
      id: `rp-${i}`,
      name: `Random Party ${i}`,
      kind: 'company',
    })),
    entrustments: [],
    incidents: [],
  };
  steps.forEach((s, k) => {
    if (s.client === s.contractor) return;
    const into = doc.entrustments.filter((e) => e.contractor === `rp-${s.client}`);
    // Half of the entrustments with something to perform re-entrust one or two of them.
    const under =
      into.length > 0 && s.pick % 2 === 1
        ? [...new Set([into[s.pick % into.length]!.id, into[(s.pick >> 1) % into.length]!.id])]
        : [];
    doc.entrustments.push({
      id: `re-${k}`,
      client: `rp-${s.client}`,
      contractor: `rp-${s.contractor}`,
      under,
      data: ['user.contact'],
    });
    if (s.incidentAt !== null)
      doc.incidents.push({
        id: `ri-${k}`,
        party: `rp-${s.incidentAt}`,
        kind: 'unauthorized-access',
        data: ['user.contact'],
      });
  });
  return doc;
}

/** The oracle: ids and names of everything outside the controllers' declared chains. */
function outsideNames(doc: Doc, controllers: string[]): Set<string> {
  const inside = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const e of doc.entrustments) {
      const enters =
        (e.under.length === 0 && controllers.includes(e.client)) ||
        e.under.some((u) => inside.has(u));
      if (enters && !inside.has(e.id)) {
        inside.add(e.id);
        grew = true;
      }
    }
  }
  const parties = new Set(controllers);
  for (const e of doc.entrustments) if (inside.has(e.id)) parties.add(e.client).add(e.contractor);
  const outside = new Set<string>();
  for (const p of doc.parties) if (!parties.has(p.id)) outside.add(p.id).add(p.name);
  for (const e of doc.entrustments) if (!inside.has(e.id)) outside.add(e.id);
  for (const i of doc.incidents) if (!parties.has(i.party)) outside.add(i.id);
  return outside;
}

const PARTY = '{ id name }';
const ENTRUSTMENT = `{ id client ${PARTY} contractor ${PARTY} under { id } }`;

/** Every question the API answers about parties, entrustments and incidents, asked of every id. */
const QUERIES = (doc: Doc) => [
  `{ parties(first: 500) ${PARTY} stats { parties entrustments incidents } }`,
  `{ searchParties(text: "random", first: 100) ${PARTY} }`,
  `{ redelegationFindings { entrustment ${ENTRUSTMENT} upstream ${ENTRUSTMENT} } }`,
  `{ concentration(first: 500) { party ${PARTY} } }`,
  ...doc.parties.flatMap((p) => [
    `{ party(id: "${p.id}") { id name entrustmentsOut ${ENTRUSTMENT} } }`,
    `{ supplyChain(controller: "${p.id}") { parties ${PARTY} entrustments ${ENTRUSTMENT} } }`,
    `{ blastRadius(party: "${p.id}") { controllers { party ${PARTY} paths { hops ${ENTRUSTMENT} } } } }`,
    `{ incidents(party: "${p.id}") { id party ${PARTY} } }`,
  ]),
  ...doc.entrustments.map((e) => `{ entrustment(id: "${e.id}") ${ENTRUSTMENT} }`),
  ...doc.incidents.map(
    (i) =>
      `{ incident(id: "${i.id}") { id } blastRadius(incident: "${i.id}") { controllers { party ${PARTY} } } }`,
  ),
];

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
