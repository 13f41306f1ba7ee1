import t from 'tap';
import { appWith, demoRegister, gql } from '../helpers/app.js';

// The questions of issue 5 answered on the seed cases (demo register), through GraphQL.

const app = await appWith(t, await demoRegister());
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

t.test(
  'cross-border: LINE is accessed from China and stores talk media in Korea, both with no recorded basis',
  async (t) => {
    const { data, errors } = await gql(
      app,
      '{ crossBorder(controller: "line-corp") { country hops { entrustment { id contractor { id } } stored accessed missingBasis } } }',
    );
    t.equal(errors, undefined);
    t.equal(data.crossBorder.country, 'JP');
    t.same(
      data.crossBorder.hops
        .map((h: any) => [h.entrustment.contractor.id, h.stored, h.accessed, h.missingBasis])
        .sort(),
      [
        ['line-china-dev', [], ['CN'], true],
        ['naver', ['KR'], [], true],
      ],
    );
  },
);

t.test(
  'concentration: MakeShop holds data of every town in the store at the breach, the GMO gateway two public bodies',
  async (t) => {
    const { data } = await gql(
      app,
      '{ concentration(asOf: "2014-09-01", first: 10) { party { id } controllers entrustments } }',
    );
    const byParty = new Map(data.concentration.map((r: any) => [r.party.id, r.controllers]));
    t.equal(
      byParty.get('makeshop'),
      2,
      'Takeo and Nishiki were in force on 2014-09-01 (Mishima had left)',
    );
    t.equal(byParty.get('gmo-payment-gateway'), 2);
    const later = await gql(
      app,
      '{ concentration(asOf: "2015-06-01", first: 10) { party { id } } }',
    );
    t.notOk(
      later.data.concentration.some((r: any) => r.party.id === 'makeshop'),
      'the stores had moved to Yahoo! Shopping',
    );
  },
);

t.test(
  'group exposure: the GMO group from MakeShop, its controllers and its five incidents',
  async (t) => {
    const { data, errors } = await gql(
      app,
      '{ groupExposure(party: "makeshop") { group { id } members { id } services { id } controllers { party { id } } incidents { id } incidentCount } }',
    );
    t.equal(errors, undefined);
    const g = data.groupExposure;
    t.equal(g.group.id, 'gmo-internet-group', 'a service belongs to the group of its operator');
    t.same(ids(g.members), [
      'gmo-internet-group',
      'gmo-makeshop',
      'gmo-payment-gateway',
      'gmo-pepabo',
      'site-ma',
    ]);
    t.same(ids(g.services), ['colorme', 'makeshop']);
    t.same(ids(g.incidents), [
      'colorme-2018',
      'gmo-payment-gateway-2017',
      'makeshop-2014',
      'makeshop-2017-insider',
      'site-ma-2017',
    ]);
    t.equal(g.incidentCount, 5);
    const controllers = ids(g.controllers.map((c: any) => c.party));
    for (const c of [
      'tokyo-metropolitan-government',
      'japan-housing-finance-agency',
      'colorme-shop-owners',
      'mishima-city',
    ])
      t.ok(controllers.includes(c), c);
  },
);

t.test(
  'certifications: Systems Design suspended, NEW FEEL revoked, JIMOS suspended, on their dates',
  async (t) => {
    const q = (controller: string, asOf: string) =>
      gql(
        app,
        `{ certificationAlerts(controller: "${controller}", asOf: "${asOf}") { party { id } depth status since until sources { id } } }`,
      );
    t.same((await q('tokyo-regional-taxation-bureau', '2020-09-01')).data.certificationAlerts, [
      {
        party: { id: 'systems-design' },
        depth: 1,
        status: 'suspended',
        since: '2020-08-24',
        until: '2020-09-24',
        sources: [{ id: 'privacymark-rlist' }],
      },
    ]);
    t.same(
      (await q('tokyo-regional-taxation-bureau', '2020-10-01')).data.certificationAlerts,
      [],
      'the month had passed',
    );
    t.same(
      (await q('kumamoto-city', '2020-06-01')).data.certificationAlerts.map((a: any) => [
        a.party.id,
        a.status,
        a.since,
      ]),
      [['new-feel', 'revoked', '2020-01-10']],
    );
    t.same(
      (await q('jimos', '2021-01-01')).data.certificationAlerts.map((a: any) => [
        a.party.id,
        a.depth,
        a.status,
        a.until,
      ]),
      [['jimos', 0, 'suspended', '2021-04-23']],
    );
  },
);

t.test(
  'breach obligations: ColorMe shop owners have dated APPI reports; the MakeShop towns are unaware, with no clock',
  async (t) => {
    const { data } = await gql(
      app,
      `{
    colorme: breachObligations(incident: "colorme-2018") { detected controllers { party { id } aware clockStarted obligations { law required triggers deadlines { kind due } } } }
    makeshop: breachObligations(incident: "makeshop-2014") { controllers { party { id } aware clockStarted obligations { required deadlines { due } } } }
  }`,
    );
    const owners = data.colorme.controllers.find((c: any) => c.party.id === 'colorme-shop-owners');
    t.same([data.colorme.detected, owners.aware, owners.clockStarted], ['2018-01-07', true, true]);
    const appi = owners.obligations.find((o: any) => o.law === 'APPI');
    t.equal(appi.required, true);
    t.ok(appi.triggers.includes('FINANCIAL_HARM'), 'card data');
    const due = new Map(appi.deadlines.map((d: any) => [d.kind, d.due]));
    t.equal(
      due.get('FINAL_REPORT'),
      '2018-03-08',
      '60 days for a suspected unlawful purpose (unauthorized access)',
    );
    for (const town of data.makeshop.controllers) {
      t.same(
        [town.aware, town.clockStarted],
        [false, false],
        `${town.party.id}: nobody will start its clock`,
      );
      t.ok(
        town.obligations.every((o: any) => o.deadlines.every((d: any) => d.due === null)),
        'no date for an unaware controller',
      );
    }
  },
);

t.test('evidence: every path carries the sources of its hops', async (t) => {
  const { data } = await gql(
    app,
    '{ blastRadius(incident: "makeshop-2014") { controllers { party { id sources { id } } paths { evidence { id url kind } hops { confidence sources { id } } } } } }',
  );
  const mishima = data.blastRadius.controllers.find((c: any) => c.party.id === 'mishima-city');
  t.same(mishima.party.sources, [{ id: 'soukaku-blog-2016' }]);
  t.same(
    mishima.paths[0].evidence.map((s: any) => s.id),
    ['soukaku-blog-2016'],
  );
  t.same(
    mishima.paths[0].hops.map((h: any) => h.confidence),
    ['INFERRED', 'REPORTED'],
    'the inferred participation dates say so',
  );
});
