import { readFile } from 'node:fs/promises';
import type { Test } from 'tap';
import type { StorePort } from '../../src/store/port.js';
import { appOn, gql, type App } from './app.js';

// The questions of issue 5 (cross-border, concentration, groups, certifications, breach clocks,
// evidence), each on a small fixture, asked through GraphQL. Shared by every store.

const fixture = (name: string) =>
  readFile(new URL(`../fixtures/risk/${name}`, import.meta.url), 'utf8');
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

export async function riskSuite(t: Test, store: StorePort): Promise<void> {
  t.test(
    'cross-border: foreign storage and access along the chain, and hops with no transfer basis',
    async (t) => {
      const app = await appOn(t, store, await fixture('foreign-hops.yaml'));
      const { data, errors } = await gql(
        app,
        `{ crossBorder(controller: "messenger") {
      country hops { entrustment { id } path { id } link stored accessed locationUnknown possiblyIn transferBasis missingBasis } } }`,
      );
      t.equal(errors, undefined);
      t.equal(data.crossBorder.country, 'JP');
      t.same(
        data.crossBorder.hops
          .map((h: any) => [
            h.entrustment.id,
            ids(h.path),
            h.stored,
            h.accessed,
            h.locationUnknown,
            h.possiblyIn,
            h.transferBasis,
            h.missingBasis,
          ])
          .sort(),
        [
          [
            'dev-sub--dev-sub2',
            ['messenger--dev-sub', 'dev-sub--dev-sub2'],
            [],
            ['CN', 'VN'],
            false,
            [],
            null,
            true,
          ],
          [
            'messenger--dc-kr',
            ['messenger--dc-kr'],
            ['KR'],
            [],
            false,
            [],
            'equivalent-measures',
            false,
          ],
          ['messenger--dev-sub', ['messenger--dev-sub'], [], ['CN'], false, [], null, true],
          ['messenger--jp-quiet', ['messenger--jp-quiet'], [], [], true, [], null, false],
          ['messenger--platform', ['messenger--platform'], [], [], true, ['US'], null, true],
          ['messenger--us-saas', ['messenger--us-saas'], [], [], true, ['US'], null, true],
        ],
        'a foreign contractor or operator with no location is possibly abroad; no location is never domestic',
      );
    },
  );

  t.test('concentration ranks the hub first, and follows the date', async (t) => {
    const app = await appOn(t, store, await fixture('hub-concentration.yaml'));
    // The top three of this fixture's parties: a shared store may hold other tests' data meanwhile.
    const mine = ['c1', 'c2', 'c3', 'k1', 'k2', 'hub'];
    const rank = async (asOf?: string) =>
      (
        await gql(
          app,
          'query($a: Date) { concentration(asOf: $a, first: 500) { party { id } controllers records entrustments } }',
          { a: asOf },
        )
      ).data.concentration
        .filter((r: any) => mine.includes(r.party.id))
        .slice(0, 3)
        .map((r: any) => [r.party.id, r.controllers, r.records, r.entrustments]);
    t.same(await rank('2012-01-01'), [
      ['hub', 3, 600, 2],
      ['k1', 2, 300, 2],
      ['k2', 1, 300, 1],
    ]);
    t.same(
      await rank('2016-01-01'),
      [
        ['hub', 2, 300, 1],
        ['k1', 2, 300, 2],
        ['k2', 1, 300, 1],
      ],
      'k2 → hub had ended',
    );
    const bad = await gql(app, '{ concentration(first: 0) { controllers } }');
    t.equal(bad.errors?.[0].extensions?.code, 'BAD_USER_INPUT');
  });

  t.test(
    'group exposure: the whole group from any member, its controllers and incident history',
    async (t) => {
      const app = await appOn(t, store, await fixture('corporate-group.yaml'));
      const q = `query($p: ID!, $a: Date) { groupExposure(party: $p, asOf: $a) {
      group { id } members { id } services { id } controllers { party { id } through { id } }
      incidents { id records revisions { records note } } incidentCount recordsExposed recordsUnknown } }`;
      const { data, errors } = await gql(app, q, { p: 'sub-b1' });
      t.equal(errors, undefined);
      const g = data.groupExposure;
      t.equal(g.group.id, 'holding');
      t.same(ids(g.members), ['holding', 'sub-a', 'sub-b', 'sub-b1']);
      t.same(ids(g.services), ['cart']);
      t.same(g.controllers, [
        { party: { id: 'city' }, through: [{ id: 'sub-b1' }] },
        { party: { id: 'shop' }, through: [{ id: 'cart' }] },
      ]);
      t.same(ids(g.incidents), ['cart-2014', 'b1-2017', 'a-2019']);
      // a-2019 records no count: unknown, not zero, and said so beside the sum of the known.
      t.same([g.incidentCount, g.recordsExposed, g.recordsUnknown], [3, 652800, 1]);
      t.same(g.incidents[0].revisions, [{ records: 620000, note: 'first 100000' }]);
      const later = (await gql(app, q, { p: 'holding', a: '2020-01-01' })).data.groupExposure;
      t.same(
        later.controllers.map((c: any) => c.party.id),
        ['shop'],
        "the city's contract had ended",
      );
    },
  );

  t.test('certification alerts: suspended and revoked marks in the chain on a date', async (t) => {
    const app = await appOn(t, store, await fixture('suspended-marks.yaml'));
    const alerts = async (asOf: string) =>
      (
        await gql(
          app,
          'query($a: Date) { certificationAlerts(controller: "tax-office", asOf: $a) { party { id } depth scheme status since until } }',
          { a: asOf },
        )
      ).data.certificationAlerts;
    t.same(await alerts('2020-09-01'), [
      {
        party: { id: 'data-entry' },
        depth: 1,
        scheme: 'privacy-mark',
        status: 'suspended',
        since: '2020-08-24',
        until: '2020-09-24',
      },
      {
        party: { id: 're-entrustee' },
        depth: 2,
        scheme: 'privacy-mark',
        status: 'revoked',
        since: '2020-01-10',
        until: null,
      },
    ]);
    t.same(
      (await alerts('2021-01-01')).map((a: any) => a.party.id),
      ['re-entrustee'],
      'the suspension ended; unrelated parties never show',
    );
    t.same(await alerts('2019-06-01'), []);
  });

  t.test(
    'breach obligations: APPI triggers and dates from detection, GDPR 72 hours, no clock for the unaware',
    async (t) => {
      const app: App = await appOn(t, store, await fixture('breach-clocks.yaml'));
      const q = `query($i: ID!) { breachObligations(incident: $i) { detected controllers { party { id } aware clockStarted
      obligations { law required triggers citation deadlines { kind due } } } } }`;
      const { data, errors } = await gql(app, q, { i: 'card-leak' });
      t.equal(errors, undefined);
      const byParty = new Map(data.breachObligations.controllers.map((c: any) => [c.party.id, c]));
      const jp = byParty.get('jp-aware') as any;
      t.same(
        jp.obligations.map((o: any) => [o.law, o.required, o.triggers, o.deadlines]),
        [
          [
            'APPI',
            true,
            ['FINANCIAL_HARM', 'UNLAWFUL_PURPOSE', 'OVER_1000'],
            [
              { kind: 'ENTRUSTEE_NOTICE', due: '2024-02-10' },
              { kind: 'PRELIMINARY_REPORT', due: '2024-02-15' },
              { kind: 'FINAL_REPORT', due: '2024-04-10' },
            ],
          ],
        ],
      );
      t.match(jp.obligations[0].citation, /APPI Art\. 26/);
      const unaware = byParty.get('jp-unaware') as any;
      t.same([unaware.aware, unaware.clockStarted], [false, false]);
      t.same(
        unaware.obligations[0].triggers,
        ['FINANCIAL_HARM', 'UNLAWFUL_PURPOSE'],
        '800 people: under the 1,000 threshold',
      );
      t.ok(
        unaware.obligations[0].deadlines.every((d: any) => d.due === null),
        'nobody will start its clock',
      );
      const de = byParty.get('de-shop') as any;
      t.same(
        de.obligations.map((o: any) => [o.law, o.required, o.deadlines]),
        [['GDPR', true, [{ kind: 'AUTHORITY_NOTICE_72H', due: '2024-02-13' }]]],
      );

      const small = (await gql(app, q, { i: 'wrong-address' })).data.breachObligations;
      const smallJp = small.controllers.find((c: any) => c.party.id === 'jp-aware');
      t.same(
        smallJp.obligations.map((o: any) => [o.law, o.required, o.triggers]),
        [['APPI', false, []]],
        'ten names misdelivered: no report required',
      );
      const missing = await gql(app, '{ breachObligations(incident: "nope") { detected } }');
      t.equal(missing.errors?.[0].extensions?.code, 'NOT_FOUND');
    },
  );

  t.test(
    "evidence: a path carries the union of its hops' sources, a party its confidence",
    async (t) => {
      const app = await appOn(
        t,
        store,
        `register: 1
sources:
  - { id: s1, title: Contract, kind: contract }
  - { id: s2, url: https://example.org/notice, title: Notice, kind: official, published: 2014-09-25 }
parties:
  - { id: a, name: A, kind: company, confidence: reported, sources: [s1] }
  - { id: b, name: B, kind: company }
  - { id: c, name: C, kind: service }
entrustments:
  - { id: a--b, client: a, contractor: b, under: [], data: [user.name], sources: [s1] }
  - { id: b--c, client: b, contractor: c, under: [a--b], data: [user.name], sources: [s2, s1] }
`,
      );
      const { data } = await gql(
        app,
        '{ blastRadius(party: "c") { controllers { party { confidence sources { id } } paths { evidence { id url kind published } } } } }',
      );
      const c = data.blastRadius.controllers[0];
      t.same(c.party, { confidence: 'REPORTED', sources: [{ id: 's1' }] });
      t.same(c.paths[0].evidence.map((s: any) => s.id).sort(), ['s1', 's2']);
      t.same(
        c.paths[0].evidence.find((s: any) => s.id === 's2'),
        { id: 's2', url: 'https://example.org/notice', kind: 'official', published: '2014-09-25' },
      );
    },
  );

  t.test(
    'notification packets: the told town has its dates and contact, the untold one neither',
    async (t) => {
      const app = await appOn(
        t,
        store,
        await readFile(
          new URL('../fixtures/notify/makeshop-one-town-told.yaml', import.meta.url),
          'utf8',
        ),
      );
      const { data, errors } = await gql(
        app,
        `{ notificationPackets(incident: "makeshop-2014") {
      party { id contact { email phone url } } aware clockStarted undisclosed { id } paths { hops { id sources { id } } } obligations { deadlines { due } } fileName } }`,
      );
      t.equal(errors, undefined);
      t.same(
        data.notificationPackets.map((p: any) => [
          p.party.id,
          p.aware,
          p.clockStarted,
          ids(p.undisclosed),
          p.obligations[0].deadlines.map((d: any) => d.due),
          p.fileName,
        ]),
        [
          [
            'mishima-city',
            false,
            false,
            ['cotode--makeshop'],
            [null, null, null],
            'makeshop-2014--mishima-city.md',
          ],
          [
            'takeo-city',
            true,
            true,
            [],
            ['2014-09-24', '2014-09-29', '2014-11-23'],
            'makeshop-2014--takeo-city.md',
          ],
        ],
      );
      t.same(
        data.notificationPackets.map((p: any) => p.party.contact),
        [
          { email: null, phone: '055-000-0000', url: null },
          {
            email: 'kojinjoho@takeo.example.jp',
            phone: '+81-954-00-0000',
            url: 'https://takeo.example.jp/privacy',
          },
        ],
        'contacts as the register gives them',
      );
      t.same(
        data.notificationPackets[1].paths[0].hops.map((h: any) => [h.id, ids(h.sources)]),
        [
          ['takeo-city--cotode', ['town-contract']],
          ['cotode--makeshop-for-takeo', ['makeshop-notice-2014']],
        ],
      );
    },
  );
}
