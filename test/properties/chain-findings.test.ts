import fc from 'fast-check';
import t from 'tap';
import { findingId } from '../../src/domain/findings-page.js';
import { redelegationFindings } from '../../src/domain/redelegation.js';
import { importRegister } from '../../src/register/import.js';
import { tempStore } from '../helpers/app.js';
import { periodFields, underField } from '../helpers/drawn-entrustment.js';

// A controller's findings are computed two ways: from its own chain (walking up to the root
// controllers of every national-id upstream), and, in the worker that serves dashboards, as the
// whole register's findings on the chain's pairs. On random registers — declared and inferred
// links, cycles, periods, clauses, approvals, national-id data — both give the same list, in the
// same order, for every controller and date.

const PARTIES = ['a', 'b', 'c', 'd', 'e'];
const DATA = [
  ['user.contact'],
  ['user.government_id'],
  ['user.contact', 'user.government_id.national_identification_number'],
  ['user.health'],
];
const YEARS = [undefined, '2014-01-01', '2016-01-01', '2018-01-01'];
const CLAUSES = ['forbidden', 'approval-required', 'allowed', 'unknown'];
const DATES = [undefined, '2015-06-01', '2017-06-01', '2019-06-01'];

const entrustment = fc.record({
  client: fc.nat(PARTIES.length - 1),
  contractor: fc.nat(PARTIES.length - 2),
  under: fc.constantFrom('absent', 'own', 'listed'),
  pick: fc.nat(7),
  data: fc.nat(DATA.length - 1),
  from: fc.nat(YEARS.length - 1),
  years: fc.nat(3),
  clause: fc.nat(CLAUSES.length - 1),
  disclosed: fc.boolean(),
  approvals: fc.nat(7),
});

const register = fc.array(entrustment, { minLength: 1, maxLength: 12 }).map((drawn) => {
  const lines = [
    'register: 1',
    'parties:',
    ...PARTIES.map((p) => `  - { id: ${p}, name: ${p}, kind: company }`),
    'entrustments:',
  ];
  const made: { id: string; contractor: string }[] = [];
  drawn.forEach((e, i) => {
    const client = PARTIES[e.client]!;
    const contractor = PARTIES[(e.client + 1 + e.contractor) % PARTIES.length]!;
    const id = `${client}-${contractor}-${i}`;
    const under = underField(e.under, e.pick, made, client);
    const approvedBy = PARTIES.filter((_, k) => (e.approvals >> k) & 1 && k < 3);
    lines.push(
      `  - { id: ${id}, client: ${client}, contractor: ${contractor}, ${under}data: [${DATA[e.data]!.join(', ')}], ` +
        `${periodFields(YEARS[e.from], e.years)}reentrustment: ${CLAUSES[e.clause]}, ` +
        `disclosed: ${e.disclosed}, approvedBy: [${approvedBy.join(', ')}] }`,
    );
    made.push({ id, contractor });
  });
  return { text: `${lines.join('\n')}\n`, ids: made.map((m) => m.id) };
});

t.test('a chain’s findings from its own walk equal the register’s on its pairs', async (t) => {
  const store = await tempStore(t, 'vc-chain-findings-');
  let withFindings = 0;
  await fc.assert(
    fc.asyncProperty(register, fc.constantFrom(...DATES), async ({ text, ids }, asOf) => {
      const report = await importRegister(store, text);
      if (!report.ok) throw new Error(JSON.stringify(report.errors));
      // The next register, and fast-check's shrinking after a failure, start from an empty store.
      try {
        for (const controller of PARTIES) {
          const query = { controller, ...(asOf ? { asOf } : {}) };
          const own = await redelegationFindings(store, query);
          const fromRegister = await redelegationFindings(store, query, {
            fromWholeRegister: true,
          });
          if (own.length > 0) withFindings++;
          const where = `${text}controller ${controller} as of ${asOf}`;
          t.same(fromRegister.map(findingId), own.map(findingId), where);
          t.same(fromRegister, own, 'each finding whole: link, approvals, explanation');
        }
      } finally {
        await store.remove({ entrustments: ids });
      }
    }),
    { numRuns: 300 },
  );
  t.ok(withFindings > 200, `${withFindings} of 1,500 chains have findings`);
});
