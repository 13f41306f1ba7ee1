import { readFile } from 'node:fs/promises';
import t from 'tap';
import { notificationPackets } from '../../src/domain/notification-packets.js';
import { packetJson } from '../../src/notify/packet-json.js';
import { packetMarkdown } from '../../src/notify/packet-markdown.js';
import { inProject } from '../../src/paths.js';
import { appWith, demoRegister, gql } from '../helpers/app.js';

// notificationPackets over GraphQL: the same packets as `vendor-chain notify`, under the same
// field names, and its bad arguments answered as the API's other errors are.

const fixture = await readFile(
  inProject('test', 'fixtures', 'notify', 'makeshop-one-town-told.yaml'),
  'utf8',
);
const app = await appWith(t, await demoRegister());

const PACKET = `incident { id detected } party { id name country contact { email phone url } } exposure aware clockStarted
  undisclosed { id client { id } contractor { id } } data dataKnown subjects records pathCount
  paths { exposure aware links data records hops { id disclosed confidence sources { id url } } }
  obligations { law required triggers deadlines { kind due } } markdown fileName`;

t.test("Mishima's packet: the CLI's JSON and Markdown, field by field", async (t) => {
  const { data, errors } = await gql(
    app,
    `{ notificationPackets(incident: "makeshop-2014", controller: "mishima-city") { ${PACKET} } }`,
  );
  t.equal(errors, undefined);
  const [g] = data.notificationPackets;
  const store = app.store;
  const domain = (await notificationPackets(store, 'makeshop-2014')).packets.find(
    (p) => p.controller.party === 'mishima-city',
  )!;
  const j = packetJson(domain);
  t.same(g.party, { id: j.party.id, name: j.party.name, country: j.party.country, contact: null });
  t.same([g.incident.id, g.incident.detected], [j.incident.id, j.incident.detected]);
  for (const k of [
    'exposure',
    'aware',
    'clockStarted',
    'data',
    'dataKnown',
    'subjects',
    'records',
    'pathCount',
  ] as const)
    t.same(g[k], j[k], k);
  t.same(
    g.undisclosed,
    j.undisclosed.map((h) => ({
      id: h.id,
      client: { id: h.client.id },
      contractor: { id: h.contractor.id },
    })),
  );
  t.same(
    g.paths,
    j.paths.map((p) => ({
      ...p,
      links: p.links.map((l) => l.toUpperCase()),
      hops: p.hops.map((h) => ({
        id: h.id,
        disclosed: h.disclosed,
        confidence: h.confidence.toUpperCase(),
        sources: h.sources.map((s) => ({ id: s.id, url: s.url })),
      })),
    })),
  );
  t.same(
    g.obligations,
    j.obligations.map((o) => ({
      law: o.law,
      required: o.required,
      triggers: o.triggers,
      deadlines: o.deadlines.map((d) => ({ kind: d.kind, due: d.due })),
    })),
  );
  t.same(
    [g.aware, g.clockStarted, g.obligations[0].deadlines.map((d: { due: string | null }) => d.due)],
    [false, false, [null, null, null]],
    'unaware, no dates',
  );
  t.equal(g.markdown, packetMarkdown(domain));
  t.equal(g.fileName, 'makeshop-2014--mishima-city.md');
});

t.test(
  'every affected controller without the controller argument; bad arguments are errors with codes',
  async (t) => {
    const all = await gql(
      app,
      '{ notificationPackets(incident: "makeshop-2014") { party { id } aware } }',
    );
    t.same(
      all.data.notificationPackets.map((p: { party: { id: string } }) => p.party.id),
      ['takeo-city', 'mishima-city', 'nishiki-town'],
    );
    const unknown = await gql(app, '{ notificationPackets(incident: "nope") { party { id } } }');
    t.same(
      [unknown.status, unknown.errors?.[0]?.extensions?.code, unknown.errors?.[0]?.message],
      [200, 'NOT_FOUND', 'no incident with id "nope"'],
    );
    const spared = await gql(
      app,
      '{ notificationPackets(incident: "makeshop-2014", controller: "nichinan-city") { party { id } } }',
    );
    t.same(
      [spared.errors?.[0]?.extensions?.code, spared.errors?.[0]?.message],
      [
        'BAD_USER_INPUT',
        'controller: "nichinan-city" is not among the controllers makeshop-2014 reaches (takeo-city, mishima-city, nishiki-town)',
      ],
    );
  },
);

t.test('a told town has its dates; Party.contact is served', async (t) => {
  const told = await appWith(t, fixture);
  const { data, errors } = await gql(
    told,
    '{ notificationPackets(incident: "makeshop-2014") { party { id contact { email phone url } } clockStarted obligations { deadlines { kind due } } } }',
  );
  t.equal(errors, undefined);
  const takeo = data.notificationPackets.find((p: any) => p.party.id === 'takeo-city');
  t.same(takeo.party.contact, {
    email: 'kojinjoho@takeo.example.jp',
    phone: '+81-954-00-0000',
    url: 'https://takeo.example.jp/privacy',
  });
  t.same(
    takeo.obligations[0].deadlines.map((d: any) => d.due),
    ['2014-09-24', '2014-09-29', '2014-11-23'],
  );
  const mishima = await gql(told, '{ party(id: "mishima-city") { contact { email phone url } } }');
  t.same(mishima.data.party.contact, { email: null, phone: '055-000-0000', url: null });
});
