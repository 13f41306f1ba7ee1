import t from 'tap';
import { appWith, demoRegister, gql } from '../helpers/app.js';

// The headline answers of the seed cases (shared/cases/seed-cases.md), through GraphQL on the demo register.

const app = await appWith(t, await demoRegister());

t.test(
  'MakeShop 2014 exposes Mishima, not Higashisonogi or Nichinan, and every exposed town is unaware',
  async (t) => {
    const { data, errors } = await gql(
      app,
      `{
    blastRadius(incident: "makeshop-2014") {
      leakingParty { id }
      controllers { party { id kind } exposure aware paths { hops { id contractor { id } } } }
      notExposed { party { id } reason detail }
    }
  }`,
    );
    t.equal(errors, undefined);
    const br = data.blastRadius;
    t.equal(br.leakingParty.id, 'makeshop');
    const exposed = br.controllers.map((c: { party: { id: string } }) => c.party.id);
    t.ok(exposed.includes('mishima-city'), 'Mishima is exposed');
    t.notOk(exposed.includes('higashisonogi-town'), 'Higashisonogi is not exposed');
    t.notOk(exposed.includes('nichinan-city'), 'Nichinan is not exposed');
    const towns = br.controllers.filter(
      (c: { party: { kind: string } }) => c.party.kind === 'municipality',
    );
    t.ok(towns.length >= 1);
    t.same(
      towns.filter((c: { aware: boolean }) => c.aware),
      [],
      'no exposed town knew of MakeShop',
    );
    for (const c of towns) {
      const last = c.paths[0].hops[c.paths[0].hops.length - 1];
      t.equal(last.contractor.id, 'makeshop', `${c.party.id}'s path ends at the leaking party`);
    }
    const whyNot = new Map(
      br.notExposed.map((n: { party: { id: string }; reason: string }) => [n.party.id, n.reason]),
    );
    t.equal(
      whyNot.get('higashisonogi-town'),
      'OUT_OF_WINDOW',
      'the answer says why Higashisonogi was spared',
    );
    t.equal(whyNot.get('nichinan-city'), 'OUT_OF_WINDOW');
  },
);

t.test('cotode → MakeShop is FORBIDDEN and UNDISCLOSED with HIGH severity', async (t) => {
  const { data, errors } = await gql(
    app,
    `{ redelegationFindings { rule severity entrustment { client { id } contractor { id } } } }`,
  );
  t.equal(errors, undefined);
  const rules = new Set(
    data.redelegationFindings
      .filter(
        (f: any) =>
          f.entrustment.client.id === 'cotode' && f.entrustment.contractor.id === 'makeshop',
      )
      .map((f: any) => `${f.rule}/${f.severity}`),
  );
  t.ok(rules.has('FORBIDDEN/HIGH'));
  t.ok(rules.has('UNDISCLOSED/HIGH'));
});

t.test(
  'the Fukui chain committee → Xebio → LinkSports → TeamHub answers the TeamHub e-mail exposure',
  async (t) => {
    const { data: incidents } = await gql(app, `{ incidents(party: "teamhub") { id data } }`);
    const exposure = incidents.incidents.find((i: { data: string[] }) =>
      i.data.some((d) => d.startsWith('user.contact')),
    );
    t.ok(exposure, 'the demo has a TeamHub e-mail exposure incident');
    const { data, errors } = await gql(
      app,
      `query($id: ID!) { blastRadius(incident: $id) { controllers { party { id } data paths { hops { client { id } contractor { id } } } } } }`,
      { id: exposure.id },
    );
    t.equal(errors, undefined);
    const committee = data.blastRadius.controllers.find(
      (c: any) => c.party.id === 'fukui-sakura-marathon-committee',
    );
    t.ok(committee, 'the committee is affected');
    const chains = committee.paths.map((p: any) =>
      [p.hops[0].client.id, ...p.hops.map((h: any) => h.contractor.id)].join(' → '),
    );
    t.ok(
      chains.includes('fukui-sakura-marathon-committee → xebio → linksports → teamhub'),
      chains.join('; '),
    );
    t.ok(
      committee.data.some((d: string) => d.startsWith('user.contact.email')),
      'the e-mail addresses are what is exposed',
    );
  },
);

t.test('Systems Design and NEW FEEL give UNAPPROVED national-id findings', async (t) => {
  const { data } = await gql(
    app,
    `{ redelegationFindings { rule severity entrustment { client { id } data } } }`,
  );
  for (const party of ['systems-design', 'new-feel']) {
    const f = data.redelegationFindings.find(
      (f: any) => f.entrustment.client.id === party && f.rule === 'UNAPPROVED',
    );
    t.ok(f, `${party} has an UNAPPROVED finding`);
    t.ok(
      f?.entrustment.data.some((d: string) => d.startsWith('user.government_id')),
      'on national-id data',
    );
    t.equal(f?.severity, 'HIGH');
  }
});
