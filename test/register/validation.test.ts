import t from 'tap';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';

// Every kind of bad input of register-format.md: its error, at its path and line, and nothing written.

const store = await tempStore(t, 'vc-validation-');

const base = `register: 1
sources:
  - { id: notice, kind: official }
parties:
  - { id: city, name: 市, kind: municipality }
  - { id: vendor, name: Vendor, kind: company }
  - { id: cart, name: Cart, kind: service, operator: vendor }
entrustments:
  - { id: city--vendor, client: city, contractor: vendor, under: [], data: [user.contact] }
`;

type Case = [name: string, document: string, path: string, message: RegExp, line?: number];
const cases: Case[] = [
  [
    'an unknown key',
    `${base}  - { id: e2, client: city, contractor: vendor, contracter: cart }`,
    'entrustments[1].contracter',
    /unknown key "contracter"/,
    10,
  ],
  [
    'a wrong type',
    `${base}  - { id: e2, client: city, contractor: vendor, records: many }`,
    'entrustments[1].records',
    /expected a number, got "many"/,
  ],
  [
    'a malformed date',
    `${base}  - { id: e2, client: city, contractor: vendor, from: 2014-9-25 }`,
    'entrustments[1].from',
    /expected a date like 2014-09-25; got "2014-9-25"/,
  ],
  [
    'an impossible date',
    `${base}  - { id: e2, client: city, contractor: vendor, to: 2014-02-30 }`,
    'entrustments[1].to',
    /expected a date like 2014-09-25/,
  ],
  [
    'a malformed id',
    `${base}  - { id: E_2, client: city, contractor: vendor }`,
    'entrustments[1].id',
    /expected an id of lower-case letters/,
  ],
  [
    'an unknown enum value',
    `${base}  - { id: e2, client: city, contractor: vendor, reentrustment: never }`,
    'entrustments[1].reentrustment',
    /expected one of "forbidden", "approval-required", "allowed", "unknown"; got "never"/,
  ],
  [
    'a missing required field',
    `${base}  - { id: e2, client: city }`,
    'entrustments[1].contractor',
    /required/,
  ],
  [
    'an unknown client',
    `${base}  - { id: e2, client: town, contractor: vendor }`,
    'entrustments[1].client',
    /unknown party "town"/,
  ],
  [
    'an unknown contractor',
    `${base}  - { id: e2, client: city, contractor: nobody }`,
    'entrustments[1].contractor',
    /unknown party "nobody"/,
  ],
  [
    'an unknown upstream in under',
    `${base}  - { id: e2, client: vendor, contractor: cart, under: [ghost] }`,
    'entrustments[1].under[0]',
    /unknown entrustment "ghost"/,
  ],
  [
    'an unknown incident party',
    `${base}incidents:\n  - { id: leak, party: ghost, kind: insider }`,
    'incidents[0].party',
    /unknown party "ghost"/,
  ],
  [
    'an unknown operator',
    `${base.replace('operator: vendor', 'operator: ghost')}`,
    'parties[2].operator',
    /unknown party "ghost"/,
  ],
  [
    'an operator on a party that is not a service',
    `${base.replace('kind: company }', 'kind: company, operator: city }')}`,
    'parties[1].operator',
    /only a party of kind service has an operator/,
  ],
  [
    'an unknown parent',
    `${base.replace('name: Vendor, kind: company', 'name: Vendor, kind: company, parent: ghost')}`,
    'parties[1].parent',
    /unknown party "ghost"/,
  ],
  [
    'an unknown consortium',
    `${base.replace('name: Vendor, kind: company', 'name: Vendor, kind: company, memberOf: [{ party: ghost }]')}`,
    'parties[1].memberOf[0].party',
    /unknown party "ghost"/,
  ],
  [
    'an unknown source',
    `${base}  - { id: e2, client: city, contractor: vendor, sources: [notice, rumour] }`,
    'entrustments[1].sources[1]',
    /unknown source "rumour"/,
  ],
  [
    'an under whose contractor is not the client',
    `${base}  - { id: e2, client: cart, contractor: city, under: [city--vendor] }`,
    'entrustments[1].under[0]',
    /entrusts data to "vendor", not to this entrustment's client "cart"/,
  ],
  [
    'a period that ends before it starts',
    `${base}  - { id: e2, client: city, contractor: vendor, from: 2015-01-01, to: 2015-01-01 }`,
    'entrustments[1].to',
    /must be after from \(2015-01-01\)/,
  ],
  [
    'an unknown data category',
    `${base}  - { id: e2, client: city, contractor: vendor, data: [user.contact.email, purchases] }`,
    'entrustments[1].data[1]',
    /unknown data category "purchases"/,
  ],
  [
    'a custom key under an unknown parent',
    `${base}  - { id: e2, client: city, contractor: vendor, data: [user.nothing.deeper] }`,
    'entrustments[1].data[0]',
    /unknown data category/,
  ],
  [
    'a contact e-mail that is not one',
    `${base.replace('kind: municipality }', 'kind: municipality, contact: { email: privacy-at-city } }')}`,
    'parties[0].contact.email',
    /expected an e-mail address like privacy@example\.jp/,
  ],
  [
    'a contact phone with letters',
    `${base.replace('kind: municipality }', 'kind: municipality, contact: { phone: call-the-mayor } }')}`,
    'parties[0].contact.phone',
    /expected a phone number like \+81-3-1234-5678/,
  ],
  [
    'a contact URL that is not http(s)',
    `${base.replace('kind: municipality }', 'kind: municipality, contact: { url: "javascript:alert(1)" } }')}`,
    'parties[0].contact.url',
    /expected an http or https URL/,
  ],
  [
    'an empty contact',
    `${base.replace('kind: municipality }', 'kind: municipality, contact: {} }')}`,
    'parties[0].contact',
    /give at least one of email, phone or url/,
  ],
  [
    'an unknown contact key',
    `${base.replace('kind: municipality }', 'kind: municipality, contact: { fax: "+81-3-1234-5678" } }')}`,
    'parties[0].contact.fax',
    /unknown key "fax"/,
  ],
  [
    'a duplicate id',
    `${base}  - { id: city--vendor, client: city, contractor: vendor }`,
    'entrustments[1].id',
    /duplicate id "city--vendor": already used by entrustments\[0\]/,
  ],
  ['a missing format version', base.replace('register: 1\n', ''), 'register', /required/],
  [
    'an unknown format version',
    base.replace('register: 1', 'register: 2'),
    'register',
    /expected register: 1/,
  ],
  [
    'a category declared twice',
    `${base}categories:\n  - { id: user.contact.fax, parent: user.contact, name: Fax }\n  - { id: user.contact.fax, parent: user.contact, name: Facsimile }`,
    'categories[1].id',
    /duplicate id "user.contact.fax": already declared by categories\[0\]/,
    12,
  ],
  [
    'a declared category the taxonomy has',
    `${base}categories:\n  - { id: user.contact.email, parent: user.contact, name: Mail }`,
    'categories[0].id',
    /"user.contact.email" is already in the fideslang taxonomy/,
  ],
  [
    'a declared category under an unknown parent',
    `${base}categories:\n  - { id: user.contactt.fax, parent: user.contactt, name: Fax }`,
    'categories[0].parent',
    /unknown data category "user.contactt".*did you mean user.contact\b/,
  ],
  [
    'a declared category not one level below its parent',
    `${base}categories:\n  - { id: user.contact.fax.home, parent: user.contact, name: Fax }`,
    'categories[0].id',
    /must be one level below its parent "user.contact"/,
  ],
  ['not a mapping', '- just\n- a list', '(document)', /expected a register/],
  ['broken YAML', `${base}  - { id: e2, client: city`, '(document)', /not valid YAML or JSON/, 10],
  ['broken JSON', '{"register": 1, "parties": [}', '(document)', /not valid YAML or JSON/, 1],
];

for (const [name, document, path, message, line] of cases) {
  t.test(`${name} is an error at ${path} and nothing is written`, async (t) => {
    const report = await importRegister(store, document);
    t.equal(report.ok, false);
    const error = report.errors.find((e) => e.path === path);
    t.ok(error, `an error at ${path}: got ${JSON.stringify(report.errors)}`);
    t.match(error?.message, message);
    if (line !== undefined) t.equal(error?.line, line, 'on the line of the problem');
    t.same(
      await store.counts(),
      { sources: 0, parties: 0, entrustments: 0, incidents: 0 },
      'nothing written',
    );
  });
}

t.test('every error of a document is reported at once, not only the first', async (t) => {
  const report = await importRegister(
    store,
    `${base}  - { id: e2, client: town, contractor: vendor, from: 2014-13-01, data: [bogus] }`,
  );
  t.same(report.errors.map((e) => e.path).sort(), [
    'entrustments[1].client',
    'entrustments[1].data[0]',
    'entrustments[1].from',
  ]);
});

t.test(
  'a deprecated category is accepted, stored as its replacement, with a warning',
  async (t) => {
    const report = await importRegister(
      store,
      `${base}  - { id: e2, client: city, contractor: vendor, data: [user.contact.url, user.government_id.my_number] }\ncategories:\n  - { id: user.government_id.my_number, parent: user.government_id, name: My Number }`,
      { dryRun: true },
    );
    t.equal(report.ok, true);
    t.match(report.warnings, [
      { path: 'entrustments[1].data[0]', message: /deprecated.*"user.contact.social_url"/ },
    ]);
    t.same(
      await store.counts(),
      { sources: 0, parties: 0, entrustments: 0, incidents: 0 },
      'dryRun writes nothing',
    );
    t.teardown(() =>
      store.remove({
        parties: ['city', 'vendor', 'cart'],
        entrustments: ['city--vendor', 'e2'],
        sources: ['notice'],
      }),
    );
    t.equal(
      (
        await importRegister(
          store,
          `${base}  - { id: e2, client: city, contractor: vendor, data: [user.contact.url] }`,
        )
      ).ok,
      true,
    );
    t.same((await store.entrustments(['e2']))[0]?.data, ['user.contact.social_url']);
  },
);

t.test('references resolve against what is stored; re-importing changes nothing', async (t) => {
  t.teardown(() =>
    store.remove({
      parties: ['city', 'vendor', 'cart', 'new'],
      entrustments: ['city--vendor', 'vendor--new'],
      sources: ['notice'],
    }),
  );
  const first = await importRegister(store, base);
  t.same([first.ok, first.parties, first.entrustments, first.sources], [true, 3, 1, 1]);
  const second = await importRegister(
    store,
    `register: 1
parties: [{ id: new, name: New, kind: company }]
entrustments: [{ id: vendor--new, client: vendor, contractor: new, under: [city--vendor], sources: [notice] }]`,
  );
  t.equal(second.ok, true, JSON.stringify(second.errors));
  const counts = await store.counts();
  t.equal((await importRegister(store, base)).ok, true);
  t.same(await store.counts(), counts, 'the same document twice is the same store');
});

t.test('JSON documents import like YAML', async (t) => {
  t.teardown(() => store.remove({ parties: ['json-party'] }));
  const report = await importRegister(
    store,
    JSON.stringify({ register: 1, parties: [{ id: 'json-party', name: 'J', kind: 'person' }] }),
  );
  t.equal(report.ok, true);
  t.same((await store.parties(['json-party']))[0]?.kind, 'person');
});
