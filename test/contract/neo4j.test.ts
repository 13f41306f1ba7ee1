import neo4j, { Neo4jError } from 'neo4j-driver';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { loadCypherFiles } from '../../src/store/neo4j/cypher-files.js';
import { toStoreError } from '../../src/store/neo4j/errors.js';
import { openNeo4jStore } from '../../src/store/neo4j/index.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { ROWS_PER_STATEMENT } from '../../src/store/neo4j/upsert.js';
import type { RegisterBatch } from '../../src/domain/model.js';
import { entrustmentRow, partyRow, toDate, toNumber } from '../../src/store/neo4j/mapping.js';
import { entrustmentsOf, partiesOf } from '../../src/store/neo4j/records.js';
import { linksOf } from '../../src/store/neo4j/walk-links.js';
import type { StorePort } from '../../src/store/port.js';
import { storeContract } from './store-contract.js';
import { neo4jSkip } from '../helpers/neo4j-target.js';
import { defined, partyRecord } from '../helpers/records.js';

// The contract suite runs on a real Neo4j when NEO4J_URI names one; what needs no server (start-up
// against nothing, behaviour while unreachable, error mapping) runs everywhere.

const UNREACHABLE = 'bolt://127.0.0.1:1';
const fixture = (): RegisterBatch => ({
  sources: [{ id: 's', kind: 'official' }],
  parties: [partyRecord('a'), partyRecord('cart', { kind: 'service', operator: 'a' })],
  entrustments: [
    {
      id: 'a--cart',
      client: 'a',
      contractor: 'cart',
      purposes: [],
      data: [],
      subjects: [],
      reentrustment: 'unknown',
      disclosed: true,
      approvedBy: [],
      storage: [],
      access: [],
      confidence: 'confirmed',
      sources: [],
    },
  ],
  incidents: [
    {
      id: 'leak',
      party: 'cart',
      kind: 'other',
      data: [],
      subjects: [],
      revisions: [],
      confidence: 'confirmed',
      sources: [],
    },
  ],
});

const skip = neo4jSkip('the store contract suite');
if (!skip) {
  const cfg = loadConfig({ ...process.env, STORE: 'neo4j' }).neo4j!;

  await t.test('the store contract on Neo4j', (t) => storeContract(t, () => openNeo4jStore(cfg)));

  t.test(
    'a batch of several statements is one transaction, with progress after each',
    async (t) => {
      const store = await openNeo4jStore(cfg);
      const prefix = `n4j${Date.now().toString(36)}-`;
      const parties = Array.from({ length: ROWS_PER_STATEMENT + 2 }, (_, i) =>
        partyRecord(`${prefix}${String(i).padStart(5, '0')}`),
      );
      t.teardown(async () => {
        await store.remove({ parties: parties.map((p) => p.id) });
        await store.close();
      });
      const progress: number[] = [];
      await store.upsert({ sources: [], parties, entrustments: [], incidents: [] }, (done) =>
        progress.push(done),
      );
      t.same(progress, [ROWS_PER_STATEMENT, ROWS_PER_STATEMENT + 2]);
      t.same(
        (await store.scanParties(`${prefix}00001`, 1)).map((p) => p.id),
        [`${prefix}00002`],
      );
    },
  );

  t.test('opening again finds the schema in place', async (t) => {
    const again = await openNeo4jStore(cfg);
    await again.ping();
    await again.close();
    await t.rejects(again.ping(), { code: 'VC_STORE_UNAVAILABLE' }, 'closed');
  });
} else {
  t.skip(skip, () => {});
}

t.test('a password written into NEO4J_URI is in no message', async (t) => {
  const uri = UNREACHABLE.replace('bolt://', 'bolt://neo4j:s3cret-in-uri@');
  const error = await openNeo4jStore({
    uri,
    user: 'neo4j',
    password: 'unused',
    connectTimeoutS: 0,
  }).catch((e: Error) => e);
  t.match(error, { code: 'VC_STORE_UNAVAILABLE', message: /Neo4j at bolt:\/\/127\.0\.0\.1:1 / });
  t.notMatch((error as Error).message, /s3cret/);
});

t.test('start-up gives up after the connect timeout with one clear line', async (t) => {
  const started = Date.now();
  await t.rejects(
    openNeo4jStore({ uri: UNREACHABLE, user: 'neo4j', password: 'unused', connectTimeoutS: 1 }),
    {
      code: 'VC_STORE_UNAVAILABLE',
      message:
        /^[^\n]*cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 after 1 s: connect ECONNREFUSED[^\n]*$/,
    },
  );
  t.ok(Date.now() - started >= 900, 'kept retrying until the timeout');
});

t.test('while Neo4j is unreachable every call says the store is unavailable', async (t) => {
  // No driver retries here, so each call fails at once instead of after maxTransactionRetryTime.
  const driver = neo4j.driver(UNREACHABLE, neo4j.auth.basic('neo4j', 'unused'), {
    maxTransactionRetryTime: 0,
  });
  const store: StorePort = new Neo4jStore(driver, await loadCypherFiles(), {
    uri: UNREACHABLE,
    readTimeoutS: 30,
    stageImportsFrom: 20_000,
    recordsPerStage: 10_000,
  });
  const unavailable = { code: 'VC_STORE_UNAVAILABLE', message: /Neo4j at bolt:\/\/127\.0\.0\.1:1/ };
  await t.rejects(store.ping(), unavailable, 'ping, so /healthz answers 503');
  await t.rejects(store.parties(['a']), unavailable);
  await t.rejects(store.entrustmentsInto(['a'], { from: '2014-01-01' }), unavailable);
  await t.rejects(store.scanParties(null, 10), unavailable);
  await t.rejects(store.counts(), unavailable);
  await t.rejects(store.generation(), unavailable);
  const batch = fixture();
  await t.rejects(store.upsert(batch), unavailable);
  await t.rejects(store.remove({ entrustments: ['a'] }), unavailable);
  t.same(await store.entrustmentsUnder([]), [], 'nothing asked, nothing sent');
  t.same(await store.scanEntrustments(null, 0), []);
  await store.close();
  await store.close();
  await t.rejects(store.parties(['a']), { code: 'VC_STORE_UNAVAILABLE', message: /closed/ });
});

t.test("Neo4j's errors become domain errors", async (t) => {
  const error = (code: string, message: string) =>
    toStoreError(new Neo4jError(message, code, '50N42', 'error'), 'bolt://db:7687');
  t.match(
    error(
      'Neo.ClientError.Schema.ConstraintValidationFailed',
      'Node(1) already exists\nwith label `Party`',
    ),
    {
      code: 'VC_INTERNAL',
      message: 'Neo4j refused the write: Node(1) already exists',
    },
  );
  t.match(error('Neo.ClientError.Statement.SyntaxError', 'Invalid input'), {
    code: 'VC_INTERNAL',
    message: 'Neo4j failed (Neo.ClientError.Statement.SyntaxError): Invalid input',
  });
  t.match(error('SessionExpired', 'gone'), { code: 'VC_STORE_UNAVAILABLE' });
  t.match(error('Neo.TransientError.General.DatabaseUnavailable', 'starting'), {
    code: 'VC_STORE_UNAVAILABLE',
  });
  t.match(error('Neo.ClientError.Security.Unauthorized', 'bad credentials'), {
    code: 'VC_STORE_UNAVAILABLE',
  });
  t.match(
    toStoreError(
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      'bolt://db:7687',
    ),
    { code: 'VC_STORE_UNAVAILABLE' },
  );
  const bug = new TypeError('not ours');
  t.equal(toStoreError(bug, 'bolt://db:7687'), bug, 'anything else passes unchanged');
});

t.test(
  'records become typed node properties beside the ids their relationships are drawn to, and come back as written',
  async (t) => {
    const { parties, entrustments } = fixture();
    const service = partyRow(parties[1]!);
    t.strictSame(service, {
      id: 'cart',
      props: {
        id: 'cart',
        name: 'cart',
        aka: null,
        kind: 'service',
        confidence: 'confirmed',
        contactEmail: null,
        contactPhone: null,
        contactUrl: null,
      },
      parent: null,
      operator: 'a',
      memberOf: [],
      sources: [],
      certifications: [],
    });
    const contact = {
      email: 'privacy@example.jp',
      phone: '+81-3-1234-5678',
      url: 'https://example.jp/privacy',
    };
    const withContact = partyRow({ ...parties[0]!, contact });
    t.same(
      [
        withContact.props.contactEmail,
        withContact.props.contactPhone,
        withContact.props.contactUrl,
      ],
      [contact.email, contact.phone, contact.url],
      'the contact as real properties',
    );
    t.notOk('contact' in withContact.props, 'no map property, which Neo4j cannot store');
    const certified = partyRow({
      ...parties[0]!,
      memberOf: [{ party: 'c' }],
      certifications: [
        { scheme: 'isms', status: 'active', from: '2019-04-01', sources: ['s1', 's2'] },
      ],
    });
    t.same(certified.memberOf, [{ party: 'c', role: null }], 'a membership without a role');
    t.same(certified.certifications[0]!.sources, ['s1', 's2'], 'what a certification cites');
    const certifiedFrom = certified.certifications[0]!.props.from;
    t.ok(neo4j.isDate(certifiedFrom), "a certification's dates are DATE values");
    t.equal(String(certifiedFrom), '2019-04-01');

    const dated = entrustmentRow({ ...entrustments[0]!, from: '2014-01-01', records: 7 });
    t.ok(neo4j.isDate(dated.props.from), 'from is a DATE');
    t.ok(neo4j.isInt(dated.props.records), 'records is an INTEGER');
    const row = entrustmentRow(entrustments[0]!);
    t.same(
      [row.props.from, row.props.to, row.under, row.client, 'client' in row.props],
      [null, null, [], 'a', false],
      'no period, under absent, no link id among the properties',
    );
    t.same(
      [row.props.data, row.props.storage, row.props.ownData],
      [null, null, null],
      'empty lists are not stored (neo4j-admin could not store them)',
    );
    const own = entrustmentRow({ ...entrustments[0]!, under: [], data: ['user.name'] });
    t.same(
      [own.under, own.props.ownData, own.props.data],
      [[], true, ['user.name']],
      'under: [] is kept as ownData, a list with items as it is',
    );
    const stored = (props: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));
    const read = (props: Record<string, unknown>, links: Record<string, unknown>) =>
      new neo4j.types.Record(['record'], [{ ...stored(props), ...links }]);
    const links = { client: 'a', contractor: 'cart', under: [], approvedBy: [], sources: [] };
    t.strictSame(
      entrustmentsOf([read(dated.props, links)]),
      [{ ...entrustments[0], from: '2014-01-01', records: 7 }],
      'absent fields stay absent, empty lists come back; a DATE a string, an Integer a number',
    );
    t.strictSame(
      entrustmentsOf([read(own.props, links)]),
      [{ ...entrustments[0], under: [], data: ['user.name'] }],
      'ownData comes back as under: []',
    );
    t.strictSame(partiesOf([read(service.props, { operator: 'a', parent: null, memberOf: [] })]), [
      parties[1],
    ]);
    t.strictSame(
      partiesOf([read(withContact.props, {})]),
      [{ ...parties[0], contact }],
      'the contact comes back from its properties',
    );
    const link = linksOf([
      new neo4j.types.Record(
        ['id', 'client', 'contractor', 'ownData', 'under', 'data', 'from', 'to', 'records'],
        ['x', 'a', 'b', null, [], ['user.name'], toDate('2014-01-01'), null, neo4j.int(3)],
      ),
    ]);
    t.strictSame(link.map(defined), [
      {
        id: 'x',
        client: 'a',
        contractor: 'b',
        data: ['user.name'],
        from: '2014-01-01',
        records: 3,
      },
    ]);
    t.equal(toNumber(neo4j.int(620000)), 620000);
    t.equal(toNumber(3), 3);
    t.throws(() => toNumber('3'), TypeError);
  },
);
