import { readFile } from 'node:fs/promises';
import neo4j from 'neo4j-driver';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { inProject } from '../../src/paths.js';
import { importRegister } from '../../src/register/import.js';
import { parseRegisterText } from '../../src/register/parse.js';
import { openStore } from '../../src/store/open.js';
import { partySchema, type Entrustment, type RegisterBatch } from '../../src/domain/model.js';
import { delegations, inferredLinks } from '../../src/store/neo4j/bulk/derived.js';
import { openNeo4jStore } from '../../src/store/neo4j/index.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';

// The graph a Neo4j engineer opens: dates are DATE, counts INTEGER, no record is kept as JSON and
// no id a relationship stands for is kept beside it, and each party carries its kind as a label.

const skip = neo4jSkip('the graph model checks');
/** The register fields that name other records: relationships, never properties. */
const LINK_FIELDS = [
  'client',
  'contractor',
  'under',
  'parent',
  'operator',
  'party',
  'sources',
  'approvedBy',
];

t.test('the graph model on a live Neo4j', { skip }, async (t) => {
  const cfg = loadConfig({ ...process.env, STORE: 'neo4j' });
  const driver = neo4j.driver(
    cfg.neo4j!.uri,
    neo4j.auth.basic(cfg.neo4j!.user, cfg.neo4j!.password),
  );
  const store = await openStore(cfg);
  t.teardown(async () => {
    await store.close();
    await driver.close();
  });
  const run = async (text: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(text, params, { database: cfg.neo4j!.database })).records.map((r) =>
      r.toObject(),
    );
  const demo = await readFile(inProject('examples', 'demo-register.yaml'), 'utf8');
  const report = await importRegister(store, demo);
  t.equal(report.ok, true, JSON.stringify(report.errors));
  const parsed = parseRegisterText(demo);
  const register = (parsed.ok ? parsed.value : {}) as Record<string, { id: string }[]>;
  const ids = (section: string) => register[section]!.map((r) => r.id);
  t.teardown(() =>
    store.remove({
      sources: ids('sources'),
      parties: ids('parties'),
      entrustments: ids('entrustments'),
      incidents: ids('incidents'),
    }),
  );
  const demoIds = [
    ...ids('sources'),
    ...ids('parties'),
    ...ids('entrustments'),
    ...ids('incidents'),
  ];

  await t.test('dates are DATE and counts INTEGER', async (t) => {
    const types = await run(
      `MATCH (n) WHERE n.id IN $ids OR EXISTS { MATCH (owner)-->(n) WHERE owner.id IN $ids AND (n:Certification OR n:Revision) }
       UNWIND [key IN keys(n) WHERE key IN ['from', 'to', 'published', 'detected', 'announced', 'date', 'records'] | [key, valueType(n[key])]] AS typed
       RETURN DISTINCT typed[0] AS key, typed[1] AS type ORDER BY key`,
      { ids: demoIds },
    );
    const byKey = Object.fromEntries(types.map((r) => [r.key, r.type]));
    t.match(byKey, {
      from: 'DATE NOT NULL',
      to: 'DATE NOT NULL',
      records: 'INTEGER NOT NULL',
      date: 'DATE NOT NULL',
    });
    t.ok(
      types.every((r) => /^(DATE|INTEGER) NOT NULL$/.test(r.type as string)),
      `every date and count: ${JSON.stringify(byKey)}`,
    );
  });

  await t.test('no json, and no link id beside its relationship', async (t) => {
    const found = await run(
      `MATCH (n) WHERE n.id IN $ids
       UNWIND [key IN keys(n) WHERE key = 'json' OR key IN $links] AS key
       RETURN labels(n) AS labels, n.id AS id, key`,
      { ids: demoIds, links: LINK_FIELDS },
    );
    t.same(found, [], 'no node of the register holds one');
  });

  await t.test("each party's kind is a label beside :Party, and follows the kind", async (t) => {
    const mismatched = await run(
      `MATCH (p:Party) WHERE p.id IN $ids
       WITH p, [l IN labels(p) WHERE l <> 'Party'] AS kinds
       WHERE kinds <> [toUpper(left(p.kind, 1)) + substring(p.kind, 1)]
       RETURN p.id AS id, kinds`,
      { ids: ids('parties') },
    );
    t.same(mismatched, []);
    const [service] = await store.parties(['makeshop']);
    t.equal(service?.kind, 'service');
    await store.upsert({
      sources: [],
      parties: [{ ...service!, kind: 'company' }],
      entrustments: [],
      incidents: [],
    });
    t.same(
      await run(`MATCH (p:Party {id: 'makeshop'}) RETURN labels(p) AS labels`),
      [{ labels: ['Party', 'Company'] }],
      'a new kind replaces the old label',
    );
    await store.upsert({ sources: [], parties: [service!], entrustments: [], incidents: [] });
    t.same(await run(`MATCH (p:Service {id: 'makeshop'}) RETURN p.id AS id`), [{ id: 'makeshop' }]);
  });

  /** The derived relationships among `ids`, and what the rules give for the stored records. */
  const derived = async (ids: string[]) => {
    const records = await store.entrustments(ids);
    const performs = await run(
      `MATCH (e:Entrustment)-[r:PERFORMS]->(u:Entrustment) WHERE e.id IN $ids OR u.id IN $ids
       RETURN e.id + ' > ' + u.id AS link, r.inferred AS inferred ORDER BY link`,
      { ids },
    );
    const parties = [...new Set(records.map((e) => e.client))];
    const delegated = await run(
      `MATCH (c:Party)-[d:DELEGATES_TO]->(k:Party) WHERE c.id IN $parties
       RETURN c.id + ' > ' + k.id AS pair, d.from AS from, d.to AS to, d.data AS data ORDER BY pair`,
      { parties },
    );
    const expected = {
      performs: inferredLinks(records)
        .map(([e, u]) => ({ link: `${records[e]!.id} > ${records[u]!.id}`, inferred: true }))
        .sort((a, b) => (a.link < b.link ? -1 : 1)),
      delegates: delegations(records)
        .map((d) => ({
          pair: `${d.client} > ${d.contractor}`,
          from: d.props.from?.toString() ?? null,
          to: d.props.to?.toString() ?? null,
          data: d.props.data,
        }))
        .sort((a, b) => (a.pair < b.pair ? -1 : 1)),
    };
    const actual = {
      performs,
      delegates: delegated.map((d) => ({
        pair: d.pair as string,
        data: d.data as string[] | null,
        from: d.from?.toString() ?? null,
        to: d.to?.toString() ?? null,
      })),
    };
    return { actual, expected };
  };
  const only = (entrustments: Entrustment[]): RegisterBatch => ({
    sources: [],
    parties: [],
    entrustments,
    incidents: [],
  });

  await t.test('inferred links and delegations follow every write', async (t) => {
    const ids = register.entrustments!.map((e) => e.id);
    const first = await derived(ids);
    t.same(first.actual, first.expected, 'after the import: as the rules give them');
    t.ok(
      first.actual.performs.some((p) => p.link === 'cotode--yahoo-shopping > takeo-city--cotode'),
      'an entrustment with under absent performs what goes into its client',
    );
    t.ok(
      first.actual.delegates.some((d) => d.pair === 'cotode > makeshop'),
      'cotode delegates to MakeShop',
    );

    const [yahoo] = await store.entrustments(['cotode--yahoo-shopping']);
    await store.upsert(only([{ ...yahoo!, under: [] }]));
    const own = await derived(ids);
    t.same(own.actual, own.expected, 'under: [] drops its inferred links');
    t.notOk(own.actual.performs.some((p) => p.link.startsWith('cotode--yahoo-shopping')));

    await store.upsert(only([{ ...yahoo!, client: 'takeo-city', data: ['user.name'] }]));
    const moved = await derived(ids);
    t.same(moved.actual, moved.expected, 'a new client: the delegation moves with it');
    t.notOk(moved.actual.delegates.some((d) => d.pair === 'cotode > yahoo-shopping'));

    await store.upsert(only([yahoo!]));
    const back = await derived(ids);
    t.same(back.actual, first.actual, 'written back: the graph it started from');

    const [nichinan] = await store.entrustments(['nichinan-city--cotode']);
    await store.remove({ entrustments: ['cotode--yahoo-shopping'] });
    const removed = await derived(ids);
    t.same(removed.actual, removed.expected, 'a removal takes its links and delegation along');
    t.notOk(removed.actual.delegates.some((d) => d.pair === 'cotode > yahoo-shopping'));

    const staging = await openNeo4jStore({
      ...cfg.neo4j!,
      stageImportsFrom: 1,
      recordsPerStage: 1,
    });
    t.teardown(() => staging.close());
    await staging.upsert(only([yahoo!, { ...nichinan!, from: '2013-01-01' }]));
    const staged = await derived(ids);
    t.same(staged.actual, staged.expected, 'a staged import: added and changed alike');
    t.ok(
      staged.actual.performs.some((p) => p.link === 'cotode--yahoo-shopping > takeo-city--cotode'),
    );

    // A new client's delegations are drawn while it is staged, not in the last transaction.
    const reseller = partySchema.parse({
      id: 'staged-reseller',
      name: 'A reseller imported with its entrustments',
      kind: 'company',
    });
    const resold = [
      { ...yahoo!, id: 'staged-reseller--makeshop', client: reseller.id, contractor: 'makeshop' },
      {
        ...yahoo!,
        id: 'staged-reseller--makeshop-2',
        client: reseller.id,
        contractor: 'makeshop',
        from: '2010-04-01',
        data: ['user.contact.email'],
      },
      { ...nichinan!, id: 'staged-reseller--cotode', client: reseller.id, contractor: 'cotode' },
    ];
    t.teardown(() =>
      store.remove({ parties: [reseller.id], entrustments: resold.map((e) => e.id) }),
    );
    await staging.upsert({ sources: [], parties: [reseller], entrustments: resold, incidents: [] });
    const fresh = await derived(resold.map((e) => e.id));
    t.same(fresh.actual.delegates, fresh.expected.delegates, 'a staged client: as the rules give');
    t.same(
      fresh.actual.delegates.map((d) => d.pair),
      ['staged-reseller > cotode', 'staged-reseller > makeshop'],
    );
    t.same(await run('MATCH (n:Pending) RETURN count(n) AS left'), [{ left: neo4j.int(0) }]);
  });
});
