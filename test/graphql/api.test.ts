import { readFile } from 'node:fs/promises';
import t from 'tap';
import { appWith, gql } from '../helpers/app.js';

const fixture = await readFile(
  new URL('../fixtures/graphql/shop-chain.yaml', import.meta.url),
  'utf8',
);
const app = await appWith(t, fixture);

t.test('blast radius by incident: the path, the exposed data, the notification gap', async (t) => {
  const { data, errors } = await gql(
    app,
    `{ blastRadius(incident: "cart-leak") {
    from to unawareCount truncated
    controllers { party { id name } exposure aware data records pathCount paths { exposure links hops { id } } }
  } }`,
  );
  t.equal(errors, undefined);
  const br = data.blastRadius;
  t.same([br.from, br.to, br.unawareCount, br.truncated], ['2014-09-01', '2014-09-25', 1, false]);
  t.same(br.controllers, [
    {
      party: { id: 'town', name: '町' },
      exposure: 'CONFIRMED',
      aware: false,
      data: ['user.contact.email', 'user.financial.credit_card'],
      records: 5000,
      pathCount: 1,
      paths: [
        {
          exposure: 'CONFIRMED',
          links: ['DECLARED', 'DECLARED'],
          hops: [{ id: 'town--operator' }, { id: 'operator--cart' }],
        },
      ],
    },
  ]);
});

t.test('a hypothetical leak outside the period answers why the town is not exposed', async (t) => {
  const { data } = await gql(
    app,
    `{ blastRadius(party: "cart", from: "2016-01-01", to: "2016-02-01") {
    controllers { party { id } } notExposed { party { id } reason detail hops { id } }
  } }`,
  );
  t.same(data.blastRadius.controllers, []);
  t.same(data.blastRadius.notExposed, [
    {
      party: { id: 'operator' },
      reason: 'OUT_OF_WINDOW',
      detail: 'ended 2015-04-01, before the window opened 2016-01-01',
      hops: [{ id: 'operator--cart' }],
    },
  ]);
});

t.test('a hypothetical leak of other data is not an exposure', async (t) => {
  const { data } = await gql(
    app,
    `{ blastRadius(party: "cart", data: ["user.health"]) { controllers { party { id } } notExposed { reason } } }`,
  );
  t.same(data.blastRadius.controllers, []);
  t.same(data.blastRadius.notExposed, [{ reason: 'NO_COMMON_DATA' }]);
});

t.test('findings, supply chain and relations resolve', async (t) => {
  const { data, errors } = await gql(
    app,
    `{
    redelegationFindings(controller: "town") { rule severity inferred entrustment { id } upstream { id } explanation }
    supplyChain(controller: "town", asOf: "2014-01-01") { controller { id } parties { id } members { party { id } depth link via { id } } }
    party(id: "cart") { operator { id } entrustmentsIn { id } incidents { id } }
    entrustment(id: "operator--cart") { under { id } client { name } sources { id } }
  }`,
  );
  t.equal(errors, undefined);
  t.same(
    data.redelegationFindings.map((f: any) => [
      f.rule,
      f.severity,
      f.inferred,
      f.entrustment.id,
      f.upstream.id,
    ]),
    [
      ['FORBIDDEN', 'HIGH', false, 'operator--cart', 'town--operator'],
      ['UNDISCLOSED', 'HIGH', false, 'operator--cart', 'town--operator'],
    ],
  );
  t.same(data.supplyChain.members, [
    { party: { id: 'operator' }, depth: 1, link: 'DECLARED', via: [{ id: 'town--operator' }] },
    { party: { id: 'cart' }, depth: 2, link: 'DECLARED', via: [{ id: 'operator--cart' }] },
  ]);
  t.same(data.party, {
    operator: { id: 'cart-co' },
    entrustmentsIn: [{ id: 'operator--cart' }],
    incidents: [{ id: 'cart-leak' }],
  });
  t.same(data.entrustment, {
    under: [{ id: 'town--operator' }],
    client: { name: 'Shop Operator' },
    sources: [],
  });
  const { data: later } = await gql(
    app,
    `{ supplyChain(controller: "town", asOf: "2016-01-01") { parties { id } } }`,
  );
  t.same(later.supplyChain.parties, [{ id: 'operator' }], 'the cart link had ended by 2016');
});

t.test(
  'bad arguments are GraphQL errors with a code and a message a person can act on, never a 500',
  async (t) => {
    const cases: [string, string, RegExp][] = [
      [
        '{ blastRadius(incident: "nope") { truncated } }',
        'NOT_FOUND',
        /no incident with id "nope"/,
      ],
      [
        '{ blastRadius(incident: "cart-leak", party: "cart") { truncated } }',
        'BAD_USER_INPUT',
        /either an incident or a party/,
      ],
      ['{ blastRadius { truncated } }', 'BAD_USER_INPUT', /give an incident id, or a party/],
      [
        '{ blastRadius(party: "cart", from: "2015-01-01", to: "2014-01-01") { truncated } }',
        'BAD_USER_INPUT',
        /^to: must be after from/,
      ],
      [
        '{ blastRadius(party: "cart", data: ["user.bogus.deeper"]) { truncated } }',
        'BAD_USER_INPUT',
        /unknown data category "user.bogus.deeper"/,
      ],
      [
        '{ blastRadius(party: "cart", data: []) { truncated } }',
        'BAD_USER_INPUT',
        /^data: is empty: name the categories that leaked, or leave data out/,
      ],
      [
        '{ blastRadius(party: "cart", from: "2014-02-30") { truncated } }',
        'BAD_USER_INPUT',
        /expected a date like 2014-09-25, got "2014-02-30"/,
      ],
      [
        '{ supplyChain(controller: "ghost") { parties { id } } }',
        'NOT_FOUND',
        /no party with id "ghost"/,
      ],
      [
        '{ redelegationFindings(controller: "ghost") { rule } }',
        'NOT_FOUND',
        /no party with id "ghost"/,
      ],
      [
        '{ parties(first: 0) { id } }',
        'BAD_USER_INPUT',
        /^first: must be a whole number from 1 to 500, got 0$/,
      ],
      ['{ nonsense }', 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nonsense"/],
    ];
    for (const [query, code, message] of cases) {
      const res = await gql(app, query);
      t.ok(res.status < 500, `${query} → ${res.status}`);
      t.equal(res.errors?.[0]?.extensions?.code, code, query);
      t.match(res.errors?.[0]?.message, message, query);
      t.notMatch(JSON.stringify(res.errors), /at .*\.(ts|js):\d+/, 'no stack trace');
    }
  },
);

t.test('queries deeper than the limit are refused', async (t) => {
  const deep =
    '{ party(id: "town") { entrustmentsOut { contractor { entrustmentsOut { contractor { entrustmentsOut { contractor { entrustmentsOut { contractor { parent { id } } } } } } } } } } }';
  const res = await gql(app, deep);
  t.ok(res.status < 500);
  t.match(res.errors?.[0]?.message, /depth/i);
});

t.test('healthz answers 200 while the store answers', async (t) => {
  const res = await app.inject('/healthz');
  t.equal(res.statusCode, 200);
  t.same(res.json(), { status: 'ok', store: 'embedded' });
});

t.test(
  'importRegister: a bad document writes nothing and lists every error; dryRun writes nothing',
  async (t) => {
    const before = (await gql(app, '{ stats { parties entrustments } }')).data.stats;
    const bad = `register: 1
parties:
  - { id: new-party, name: New, kind: company }
entrustments:
  - { id: x, client: new-party, contractor: nobody, from: 2014-13-01 }`;
    const { data } = await gql(
      app,
      'mutation($d: String!) { importRegister(document: $d) { ok errors { path message } } }',
      { d: bad },
    );
    t.equal(data.importRegister.ok, false);
    t.same(data.importRegister.errors.map((e: { path: string }) => e.path).sort(), [
      'entrustments[0].contractor',
      'entrustments[0].from',
    ]);
    const dry = await gql(
      app,
      'mutation($d: String!) { importRegister(document: $d, dryRun: true) { ok dryRun parties } }',
      { d: 'register: 1\nparties: [{ id: dry-party, name: Dry, kind: company }]' },
    );
    t.same(dry.data.importRegister, { ok: true, dryRun: true, parties: 1 });
    t.same(
      (await gql(app, '{ stats { parties entrustments } }')).data.stats,
      before,
      'nothing was written',
    );
    t.equal((await gql(app, '{ party(id: "dry-party") { id } }')).data.party, null);
  },
);

t.test('a query deeper than the limit is refused with a message, not run', async (t) => {
  const deep = `{ party(id: "town") { entrustmentsOut { contractor { entrustmentsOut { contractor { entrustmentsOut { contractor { entrustmentsOut { contractor { entrustmentsOut { contractor { id } } } } } } } } } } } }`;
  const res = await gql(app, deep);
  t.ok(res.status < 500);
  t.equal(res.data ?? null, null);
  t.match(res.errors?.[0]?.message, /depth/i);
});

t.test('parties page through by id, optionally of one kind', async (t) => {
  const all = (await gql(app, '{ parties(first: 500) { id } }')).data.parties.map(
    (p: { id: string }) => p.id,
  );
  t.same(all, [...all].sort(), 'in id order');
  const first = (await gql(app, '{ parties(first: 1) { id } }')).data.parties;
  const second = (
    await gql(app, 'query($a: ID) { parties(first: 1, after: $a) { id } }', { a: first[0].id })
  ).data.parties;
  t.same([first[0].id, second[0].id], all.slice(0, 2));
  const towns = (await gql(app, '{ parties(kind: "municipality") { id kind } }')).data.parties;
  t.ok(towns.length > 0 && towns.every((p: { kind: string }) => p.kind === 'municipality'));
  const typo = (await gql(app, '{ parties(kind: "municiplaity") { id } }')).errors?.[0];
  t.equal(typo?.extensions?.code, 'BAD_USER_INPUT', 'a misspelt kind is refused, not answered []');
  t.match(typo?.message, /unknown party kind "municiplaity".*municipality/);
  t.equal(
    (await gql(app, '{ parties(first: 0) { id } }')).errors?.[0]?.extensions?.code,
    'BAD_USER_INPUT',
  );
  t.equal(
    (await gql(app, '{ parties(after: "Not An Id") { id } }')).errors?.[0]?.extensions?.code,
    'BAD_USER_INPUT',
  );
});

t.test('incidents of a party include those of the services it runs', async (t) => {
  const atCart = (await gql(app, '{ incidents(party: "cart") { id } }')).data.incidents;
  t.ok(atCart.length > 0, 'the fixture has an incident at the cart');
  t.same(
    (await gql(app, '{ incidents(party: "cart-co") { id } }')).data.incidents,
    atCart,
    'its operator answers for it',
  );
});
