import { readFile } from 'node:fs/promises';
import type { Test } from 'tap';
import { inProject } from '../../src/paths.js';
import type { StorePort } from '../../src/store/port.js';
import { appOn, gql, type App } from './app.js';

// The rules of register-format.md, each on a small fixture named for what it shows, asked through
// GraphQL. Shared by every store: each test imports its fixture and removes it afterwards.

type Row = Record<string, any>;
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

export async function semanticsSuite(t: Test, store: StorePort): Promise<void> {
  const withFixture = async (t: Test, name: string): Promise<App> =>
    appOn(t, store, await readFile(inProject('test', 'fixtures', 'semantics', name), 'utf8'));

  const radius = async (app: App, args: string) => {
    const { data, errors } = await gql(
      app,
      `{ blastRadius(${args}) {
      controllers { party { id } exposure aware data pathCount paths { exposure links aware data hops { id } } }
      notExposed { party { id } entrustment { id } reason detail }
    } }`,
    );
    if (errors) throw new Error(JSON.stringify(errors));
    const byParty = new Map<string, Row>(
      data.blastRadius.controllers.map((c: Row) => [c.party.id, c]),
    );
    const misses = data.blastRadius.notExposed.map((n: Row) => [n.party.id, n.reason]);
    return { byParty, misses, controllers: [...byParty.keys()].sort() };
  };

  const findings = async (app: App, args = '') => {
    const { data, errors } = await gql(
      app,
      `{ redelegationFindings${args} { rule severity inferred entrustment { id } upstream { id } missingApprovals { id } explanation } }`,
    );
    if (errors) throw new Error(JSON.stringify(errors));
    return data.redelegationFindings as Row[];
  };
  const tuples = (fs: Row[]) =>
    fs.map((f) => [f.entrustment.id, f.upstream.id, f.rule, f.severity, f.inferred]).sort();

  t.test(
    'window intersection and hierarchical data overlap decide who is exposed, and say why not',
    async (t) => {
      const app = await withFixture(t, 'window-and-data.yaml');
      const r = await radius(app, 'incident: "leak"');
      t.same(r.controllers, ['late-town', 'quiet-town']);
      t.same(
        r.byParty.get('late-town')?.data,
        ['user.contact.email'],
        'the leak ∩ the hop, the more specific key',
      );
      t.equal(r.byParty.get('late-town')?.exposure, 'CONFIRMED');
      t.equal(
        r.byParty.get('quiet-town')?.exposure,
        'POSSIBLE',
        'a hop that lists no data overlaps anything, possibly',
      );
      t.same(r.misses.sort(), [
        ['early-town', 'OUT_OF_WINDOW'],
        ['health-town', 'NO_COMMON_DATA'],
      ]);
      const asked = await radius(app, 'party: "vendor", from: "2013-01-01", to: "2013-02-01"');
      t.same(
        asked.controllers,
        ['early-town', 'health-town'],
        'a window asked for, with no data: any data',
      );
      t.equal(asked.byParty.get('early-town')?.exposure, 'CONFIRMED');
      const narrow = await radius(app, 'party: "vendor", from: "2015-01-01", data: ["user.name"]');
      t.same(narrow.controllers, ['late-town', 'quiet-town']);
      t.same(narrow.misses.sort(), [
        ['early-town', 'OUT_OF_WINDOW'],
        ['health-town', 'NO_COMMON_DATA'],
      ]);
    },
  );

  t.test(
    'a declared chain is CONFIRMED; an undisclosed hop leaves its controller unaware; an alleged hop is POSSIBLE',
    async (t) => {
      const app = await withFixture(t, 'declared-chain.yaml');
      const r = await radius(app, 'incident: "cart-leak"');
      t.same(r.controllers, ['city', 'school']);
      const city = r.byParty.get('city')!;
      t.same([city.exposure, city.aware], ['CONFIRMED', false]);
      t.same(
        ids(city.paths[0].hops),
        ['city--integrator', 'integrator--cart'],
        'controller first, leak last',
      );
      t.same(city.paths[0].links, ['DECLARED', 'DECLARED']);
      const school = r.byParty.get('school')!;
      t.same([school.exposure, school.aware], ['POSSIBLE', true]);
    },
  );

  t.test(
    'an unknown `under` is inferred from what goes into the client in the window with common data',
    async (t) => {
      const app = await withFixture(t, 'inferred-links.yaml');
      const r = await radius(app, 'incident: "host-leak"');
      t.same(
        r.controllers,
        ['shop'],
        'not the clinic (other data), not the old shop (gone before the window), not the agency',
      );
      const shop = r.byParty.get('shop')!;
      t.equal(shop.exposure, 'POSSIBLE');
      t.same(shop.paths[0].links, ['DECLARED', 'INFERRED']);
      // "Why not us?" for the clients an inferred step dropped, as for a declared link.
      const { data } = await gql(
        app,
        '{ blastRadius(incident: "host-leak") { notExposed { party { id } link reason detail hops { id } } notExposedCount } }',
      );
      t.same(
        data.blastRadius.notExposed
          .map((n: Row) => [n.party.id, n.link, n.reason, n.detail, ids(n.hops)])
          .sort(),
        [
          [
            'clinic',
            'INFERRED',
            'NO_COMMON_DATA',
            'carries user.health; nothing in common with user.contact',
            ['clinic--agency', 'agency--host'],
          ],
          [
            'old-shop',
            'INFERRED',
            'OUT_OF_WINDOW',
            'ended 2019-01-01, before the window opened 2020-01-01',
            ['old-shop--agency', 'agency--host'],
          ],
        ],
      );
      t.equal(data.blastRadius.notExposedCount, 2);
      const solo = await radius(app, 'incident: "solo-host-leak"');
      t.same(solo.controllers, ['solo'], 'nothing goes into solo: its own data');
      t.equal(solo.byParty.get('solo')?.exposure, 'CONFIRMED', 'that link counts as declared');
    },
  );

  t.test(
    'data going into the client, none of it in common: the client is the controller through an inferred link',
    async (t) => {
      const app = await withFixture(t, 'inferred-no-overlap.yaml');
      const r = await radius(app, 'incident: "host-leak"');
      t.same(r.controllers, ['agency']);
      t.same(
        [r.byParty.get('agency')?.exposure, r.byParty.get('agency')?.paths[0].links],
        ['POSSIBLE', ['INFERRED']],
      );
    },
  );

  t.test('a cycle ends the path there, without a controller', async (t) => {
    const app = await withFixture(t, 'cycle.yaml');
    const r = await radius(app, 'incident: "beta-leak"');
    t.same(r.controllers, ['owner']);
    t.same(ids(r.byParty.get('owner')!.paths[0].hops), ['owner--alpha', 'alpha--beta']);
    t.ok(
      r.misses.some(([, reason]: string[]) => reason === 'CYCLE'),
      'the answer says where the cycle closed',
    );
  });

  t.test(
    'concentration: a ring of contractors reaches every controller any member of it reaches',
    async (t) => {
      const app = await withFixture(t, 'cycle-concentration.yaml');
      const rank = async (asOf: string) => {
        const { data, errors } = await gql(
          app,
          `{ concentration(asOf: "${asOf}", first: 500) { party { id } controllers records entrustments } }`,
        );
        if (errors) throw new Error(JSON.stringify(errors));
        // Only this fixture's parties: a shared store may hold other tests' data at the same time.
        return data.concentration
          .filter((r: Row) => ['x', 'y', 'z', 'sink'].includes(r.party.id))
          .map((r: Row) => [r.party.id, r.controllers, r.records, r.entrustments]);
      };
      t.same(
        await rank('2019-06-01'),
        [
          ['z', 3, 300, 2],
          ['y', 3, 200, 2],
          ['x', 3, 100, 2],
          ['sink', 1, 0, 1],
        ],
        'z reaches town-1 through y and x',
      );
      t.same(
        await rank('2020-06-01'),
        [
          ['y', 2, 200, 2],
          ['x', 2, 100, 2],
          ['z', 2, 0, 1],
          ['sink', 0, 0, 1],
        ],
        "town-3's contract had ended: what sink holds was declared to be its data, so no one's now",
      );
    },
  );

  t.test(
    'diamonds: every path to a controller, CONFIRMED first, capped per controller',
    async (t) => {
      const app = await withFixture(t, 'diamond.yaml');
      const r = await radius(app, 'incident: "dc-leak"');
      const city = r.byParty.get('city')!;
      t.equal(city.pathCount, 3, 'two declared routes and one inferred');
      t.same(
        city.paths.map((p: Row) => p.exposure),
        ['CONFIRMED', 'CONFIRMED', 'POSSIBLE'],
      );
      t.same(
        city.paths
          .map((p: Row) => ids(p.hops).join(' > '))
          .slice(0, 2)
          .sort(),
        ['city--left > left--dc', 'city--right > right--dc'],
      );
      t.same(
        city.paths[2].links,
        ['DECLARED', 'INFERRED'],
        'a controller reached by a declared and an inferred path',
      );
      t.equal(city.exposure, 'CONFIRMED', 'CONFIRMED when any path is');
      const capped = await gql(
        app,
        '{ blastRadius(incident: "dc-leak", maxPathsPerController: 1) { controllers { pathCount paths { exposure } } } }',
      );
      t.same(capped.data.blastRadius.controllers, [
        { pathCount: 3, paths: [{ exposure: 'CONFIRMED' }] },
      ]);
    },
  );

  t.test(
    'FORBIDDEN, UNAPPROVED and UNDISCLOSED: one finding per rule broken, with severity from the data',
    async (t) => {
      const app = await withFixture(t, 'redelegation-rules.yaml');
      const all = await findings(app);
      t.same(tuples(all), [
        ['prime--saas-allowed', 'town--prime-allowed', 'UNDISCLOSED', 'LOW', false],
        ['prime--sub-forbidden', 'town--prime-forbidden', 'FORBIDDEN', 'HIGH', false],
        ['prime--sub-forbidden', 'town--prime-forbidden', 'UNDISCLOSED', 'HIGH', false],
        ['prime--sub-unapproved', 'town--prime-approval', 'UNAPPROVED', 'MEDIUM', false],
      ]);
      t.same(ids(all.find((f) => f.rule === 'UNAPPROVED')!.missingApprovals), ['town']);
      t.same(
        tuples(await findings(app, '(controller: "town")')),
        tuples(all),
        "all of them are in the town's chain",
      );
      const later = tuples(await findings(app, '(asOf: "2021-06-01")')).map((f) => f[0]);
      t.notOk(later.includes('prime--sub-forbidden'), 'asOf: the forbidden upstream had ended');
      t.ok(
        tuples(await findings(app, '(asOf: "2020-07-01")')).some(
          (f) => f[0] === 'prime--sub-forbidden',
        ),
      );
    },
  );

  t.test(
    "the My Number rule: national-id data needs the root controller's approval, whatever the clause",
    async (t) => {
      const app = await withFixture(t, 'my-number.yaml');
      const all = await findings(app);
      t.same(tuples(all), [['bpo--keyer', 'tax--bpo', 'UNAPPROVED', 'HIGH', false]]);
      t.same(ids(all[0]!.missingApprovals), ['tax-office']);
    },
  );

  t.test(
    'a re-entrustment that does not say what it performs is matched by period and data, and says it is inferred',
    async (t) => {
      const app = await withFixture(t, 'inferred-redelegation.yaml');
      const all = await findings(app);
      t.same(tuples(all), [['vendor--cloud', 'city--vendor', 'FORBIDDEN', 'MEDIUM', true]]);
      t.match(all[0]!.explanation, /infer/i);
    },
  );

  t.test('the supply chain walks down, declared and inferred, as of a date', async (t) => {
    const app = await withFixture(t, 'inferred-links.yaml');
    const chain = async (controller: string, asOf: string) => {
      const { data, errors } = await gql(
        app,
        `{ supplyChain(controller: "${controller}", asOf: "${asOf}") { parties { id } members { party { id } depth link } } }`,
      );
      if (errors) throw new Error(JSON.stringify(errors));
      return data.supplyChain.members.map((m: Row) => [m.party.id, m.depth, m.link]).sort();
    };
    t.same(await chain('shop', '2020-01-01'), [
      ['agency', 1, 'DECLARED'],
      ['host', 2, 'INFERRED'],
    ]);
    t.same(
      await chain('clinic', '2020-01-01'),
      [
        ['agency', 1, 'DECLARED'],
        ['host', 2, 'INFERRED'],
      ],
      'health data overlaps the host too',
    );
    t.same(await chain('old-shop', '2020-01-01'), [], 'its entrustment had ended');
    t.same(await chain('old-shop', '2018-06-01'), [
      ['agency', 1, 'DECLARED'],
      ['host', 2, 'INFERRED'],
    ]);
  });
}
