import { readFile } from 'node:fs/promises';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.js';
import type { StorePort } from '../../src/store/port.js';
import { appOn, gql } from './app.js';
import { instrument } from './instrumented-store.js';

// overview(asOf) on a small fixture, asked through GraphQL, on every store. A shared store may
// hold other tests' records meanwhile: lists are read for this fixture's ids, and whole-register
// counts are compared exactly only when the store is the test's own.

const fixture = (name: string) =>
  readFile(new URL(`../fixtures/overview/${name}`, import.meta.url), 'utf8');

const OVERVIEW = `query($asOf: Date) { overview(asOf: $asOf) {
  asOf incidentCount
  incidents { incident { id } date records controllers unaware truncated }
  findings { total byRule { rule severity count inferred } }
  deadlines { incident { id } controller { id } law kind due state daysLeft }
  certificationAlerts { party { id } scheme status since until controllers }
  concentration { party { id } controllers records entrustments } } }`;

const mine = (id: string) => id.startsWith('ov-');

export async function overviewSuite(t: Test, store: StorePort, own: boolean): Promise<void> {
  t.test(
    'the overview on a date: incidents, deadlines, alerts, findings, concentration',
    async (t) => {
      const app = await appOn(t, store, await fixture('attention.yaml'));
      const { data, errors } = await gql(app, OVERVIEW, { asOf: '2024-02-14' });
      t.equal(errors, undefined);
      const o = data.overview;
      t.equal(o.asOf, '2024-02-14');
      // The misdelivery of March had not begun on 14 February.
      t.same(
        o.incidents.filter((i: any) => mine(i.incident.id)),
        [
          {
            incident: { id: 'ov-card-leak' },
            date: '2024-02-10',
            records: 5800,
            controllers: 3,
            unaware: 1,
            truncated: false,
          },
        ],
      );
      // JP Unaware's clock never started (it will not be told); the preliminary report is due
      // tomorrow, the German 72 hours and the entrustee's prompt notice have passed.
      t.same(
        o.deadlines
          .filter((d: any) => mine(d.incident.id))
          .map((d: any) => [d.controller.id, d.law, d.kind, d.due, d.state, d.daysLeft]),
        [
          ['ov-jp-aware', 'APPI', 'PRELIMINARY_REPORT', '2024-02-15', 'DUE_SOON', 1],
          ['ov-de-shop', 'GDPR', 'AUTHORITY_NOTICE_72H', '2024-02-13', 'PASSED', -1],
          ['ov-jp-aware', 'APPI', 'ENTRUSTEE_NOTICE', '2024-02-10', 'PASSED', -4],
        ],
      );
      t.same(
        o.certificationAlerts.filter((a: any) => mine(a.party.id)),
        [
          {
            party: { id: 'ov-lapsed' },
            scheme: 'isms',
            status: 'suspended',
            since: '2024-01-01',
            until: null,
            controllers: 0,
          },
          {
            party: { id: 'ov-revoked' },
            scheme: 'privacy-mark',
            status: 'revoked',
            since: '2020-01-10',
            until: null,
            controllers: 1,
          },
        ],
      );
      // The tiles agree with the full questions they summarise.
      const full = await gql(
        app,
        `{ concentration(asOf: "2024-02-14", first: 10) { party { id } controllers records entrustments }
         redelegationFindings(asOf: "2024-02-14", first: 10000) { rule severity inferred } }`,
      );
      t.same(o.concentration, full.data.concentration);
      t.ok(o.concentration.length <= 10);
      const counted = new Map<string, { count: number; inferred: number }>();
      for (const f of full.data.redelegationFindings) {
        const cell = counted.get(`${f.severity} ${f.rule}`) ?? { count: 0, inferred: 0 };
        cell.count++;
        if (f.inferred) cell.inferred++;
        counted.set(`${f.severity} ${f.rule}`, cell);
      }
      t.same(
        o.findings.byRule.map((r: any) => [`${r.severity} ${r.rule}`, r.count, r.inferred]),
        [...counted].map(([key, c]) => [key, c.count, c.inferred]),
      );
      t.equal(o.findings.total, full.data.redelegationFindings.length);
      if (own) {
        t.equal(o.incidentCount, 1);
        // The reseller re-entrusted what its client forbade, and did not disclose the processor.
        t.same(o.findings, {
          total: 2,
          byRule: [
            { rule: 'FORBIDDEN', severity: 'HIGH', count: 1, inferred: 0 },
            { rule: 'UNDISCLOSED', severity: 'HIGH', count: 1, inferred: 0 },
          ],
        });
        t.same(o.concentration[0], {
          party: { id: 'ov-processor' },
          controllers: 3,
          records: 5050,
          entrustments: 3,
        });
      }
    },
  );

  t.test('the overview follows the date and the next write', async (t) => {
    const app = await appOn(t, store, await fixture('attention.yaml'));
    const ask = async (asOf: string) => (await gql(app, OVERVIEW, { asOf })).data.overview;
    const march = await ask('2024-03-05');
    t.same(
      march.incidents.filter((i: any) => mine(i.incident.id)).map((i: any) => i.incident.id),
      ['ov-wrong-address', 'ov-card-leak'],
    );
    // Passed ones latest first; only the German shop must report the misdelivery (ten names are
    // not reportable under APPI), and the card leak's final report (60 days) is not due yet.
    t.same(
      march.deadlines
        .filter((d: any) => mine(d.incident.id))
        .map((d: any) => [d.incident.id, d.controller.id, d.kind, d.daysLeft]),
      [
        ['ov-wrong-address', 'ov-de-shop', 'AUTHORITY_NOTICE_72H', -1],
        ['ov-card-leak', 'ov-jp-aware', 'PRELIMINARY_REPORT', -19],
        ['ov-card-leak', 'ov-de-shop', 'AUTHORITY_NOTICE_72H', -21],
        ['ov-card-leak', 'ov-jp-aware', 'ENTRUSTEE_NOTICE', -24],
      ],
    );
    const before = await ask('2024-02-14');
    const extra = await gql(app, 'mutation($d: String!) { importRegister(document: $d) { ok } }', {
      d: JSON.stringify({
        register: 1,
        incidents: [
          {
            id: 'ov-second-leak',
            party: 'ov-reseller',
            kind: 'misconfiguration',
            from: '2024-02-01',
            detected: '2024-02-12',
          },
        ],
      }),
    });
    t.equal(extra.data.importRegister.ok, true);
    t.teardown(() => store.remove({ incidents: ['ov-second-leak'] }));
    const after = await ask('2024-02-14');
    t.equal(after.incidentCount, before.incidentCount + 1, 'the write is seen at once');
    const second = after.incidents.find((i: any) => i.incident.id === 'ov-second-leak');
    t.same(
      [second.controllers, second.unaware, second.records],
      [1, 0, null],
      "the reseller's leak reaches its one client",
    );
  });

  t.test(
    'remembered per generation: tiles asking at once or later cost one computation',
    async (t) => {
      await appOn(t, store, await fixture('attention.yaml'));
      const { store: counted, calls, reset } = instrument(store);
      // POSTs, as Apollo clients send by default: the HTTP answer cache (GET) does not help them.
      const app = await buildApp({
        store: new Proxy(counted, {
          get: (s, p) => (p === 'close' ? async () => {} : Reflect.get(s, p)),
        }),
      });
      t.teardown(() => app.close());
      const TILE = `query($asOf: Date) { overview(asOf: $asOf) {
      incidentCount findings { total } deadlines { due state } concentration { controllers } } }`;
      const tiles = (n: number, asOf: string) =>
        Promise.all(Array.from({ length: n }, () => gql(app, TILE, { asOf })));
      // Every ask reads the generation (and the keys); anything else is the overview's own work.
      const work = () =>
        Object.entries(calls)
          .filter(([method]) => method !== 'generation' && method !== 'apiKeys')
          .reduce((sum, [, count]) => sum + count, 0);
      // A shared store may take another test's write between two asks: then the round is asked
      // again, on dates no round has asked before.
      for (let round = 0; round < 20; round++) {
        const generation = await store.generation();
        reset();
        await tiles(1, `2023-0${(round % 9) + 1}-11`);
        const alone = calls.scanParties ?? 0;
        reset();
        const together = await tiles(10, `2023-0${(round % 9) + 1}-12`);
        const atOnce = { work: work(), scans: calls.scanParties ?? 0 };
        reset();
        const later = await tiles(10, `2023-0${(round % 9) + 1}-12`);
        const again = work();
        if ((await store.generation()) !== generation) continue;
        t.ok(alone > 0, `one tile reads the parties (${alone} pages)`);
        t.equal(atOnce.scans, alone, 'ten tiles at once read them as often as one tile does');
        t.ok(atOnce.work > 0, 'the first tiles read the store');
        t.equal(again, 0, 'ten tiles later: the store is not read again', { calls });
        const bodies = [...together, ...later].map((answer) => JSON.stringify(answer));
        t.equal(new Set(bodies).size, 1, 'and all twenty have the same answer');
        t.equal(together[0]!.errors, undefined);
        return;
      }
      t.fail('the store was written to in every round');
    },
  );

  t.test('a date that is not one is refused, naming the argument', async (t) => {
    const app = await appOn(t, store, await fixture('attention.yaml'));
    const { errors } = await gql(app, '{ overview(asOf: "2024-02-30") { asOf } }');
    t.equal(errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    t.equal(errors?.[0]?.message, 'asOf: expected a date like 2014-09-25, got "2024-02-30"');
  });
}
