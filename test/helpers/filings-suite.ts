import { readFile } from 'node:fs/promises';
import type { Test } from 'tap';
import { inProject } from '../../src/paths.js';
import type { StorePort } from '../../src/store/port.js';
import { appOn, demoRegister, gql } from './app.js';

// The filings through GraphQL, on any store: the record of processing (declared and inferred
// holders, roles, countries, dates) and the breach report (items, deadlines, who files).

const ROPA = `query($c: ID!, $a: Date) { recordOfProcessing(controller: $c, asOf: $a) {
  controller { id } asOf markdown
  rows { entrustment { id } processor { id } client { id } role depth link country thirdCountry transferBasis disclosed }
} }`;
const BREACH = `query($i: ID!, $c: ID!) { breachReport(incident: $i, controller: $c) {
  incident { id } controller { id } filer { id } exposure aware required triggers
  informers { party { id } informs { id } entrustment { id } }
  deadlines { kind due } items { number title titleEn text textEn filled } markdown
} }`;

export async function filingsSuite(t: Test, store: StorePort): Promise<void> {
  await t.test('the record of processing of the example city', async (t) => {
    const app = await appOn(
      t,
      store,
      await readFile(inProject('docs', 'example-register.yaml'), 'utf8'),
    );
    const { data, errors } = await gql(app, ROPA, { c: 'example-city' });
    t.notOk(errors);
    const record = data.recordOfProcessing;
    t.same(
      record.rows.map((r: any) => [
        r.processor.id,
        r.client.id,
        r.role,
        r.depth,
        r.link,
        r.country,
        r.thirdCountry,
        r.disclosed,
      ]),
      [
        ['shop-operator', 'example-city', 'PROCESSOR', 1, 'DECLARED', 'JP', false, true],
        ['cart-service', 'shop-operator', 'SUB_PROCESSOR', 2, 'DECLARED', 'US', null, false],
      ],
      'the service counts in its operator’s country; no storage recorded is not "domestic"',
    );
    t.match(record.markdown, /\| 2 \| Cart SaaS \(cart-service\) \| sub-processor \/ 再委託先 \|/);
    const before = await gql(app, ROPA, { c: 'example-city', a: '2023-05-01' });
    t.same(
      before.data.recordOfProcessing.rows.map((r: any) => r.entrustment.id),
      ['example-city--shop-operator'],
    );
    const unknown = await gql(app, ROPA, { c: 'nobody' });
    t.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  await t.test('inferred holders are in the record, marked', async (t) => {
    const app = await appOn(t, store, await demoRegister());
    const { data } = await gql(app, ROPA, { c: 'takeo-city' });
    const rows = new Map(data.recordOfProcessing.rows.map((r: any) => [r.entrustment.id, r]));
    t.match(rows.get('takeo-city--cotode'), { role: 'PROCESSOR', link: 'DECLARED' });
    t.match(rows.get('cotode--makeshop'), {
      role: 'SUB_PROCESSOR',
      link: 'DECLARED',
      disclosed: false,
    });
    t.match(rows.get('cotode--yahoo-shopping'), { link: 'INFERRED' });
  });

  await t.test('the breach report: nine items, deadlines, who files and who informs', async (t) => {
    const app = await appOn(
      t,
      store,
      await readFile(inProject('docs', 'example-register.yaml'), 'utf8'),
    );
    const cart = (await gql(app, BREACH, { i: 'cart-2024', c: 'example-city' })).data.breachReport;
    t.match(cart, {
      filer: { id: 'example-city' },
      exposure: 'CONFIRMED',
      aware: false,
      required: true,
    });
    t.same(cart.triggers, ['FINANCIAL_HARM', 'UNLAWFUL_PURPOSE', 'OVER_1000']);
    t.same(
      cart.informers.map((i: any) => [i.party.id, i.informs.id]),
      [
        ['shop-operator', 'example-city'],
        ['cart-service', 'shop-operator'],
      ],
    );
    t.same(
      cart.items.map((i: any) => i.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    t.same(
      cart.items.map((i: any) => i.filled),
      [true, true, true, true, false, false, true, false, true],
    );
    t.equal(cart.items[1].title, '漏えい等が発生し、又は発生したおそれがある個人データの項目');
    t.equal(cart.items[2].text, '3,100人');
    t.ok(
      cart.deadlines.every((d: any) => d.due === null),
      'an unaware controller’s clock has not started',
    );
    t.match(
      cart.markdown,
      /## 5\. 二次被害又はそのおそれの有無及びその内容 \/ Secondary damage[^\n]*\n\n（未記入 \/ to be filled in）/,
    );

    const own = (await gql(app, BREACH, { i: 'shop-operator-2024', c: 'example-city' })).data
      .breachReport;
    t.same(
      own.deadlines.map((d: any) => [d.kind, d.due]),
      [
        ['ENTRUSTEE_NOTICE', '2024-08-05'],
        ['PRELIMINARY_REPORT', '2024-08-10'],
        ['FINAL_REPORT', '2024-10-04'],
      ],
    );
    t.same(
      own.informers.map((i: any) => i.party.id),
      ['shop-operator'],
    );
    t.equal(own.items[6].filled, false, 'no announcement recorded: item 7 left blank');
    const stranger = await gql(app, BREACH, { i: 'cart-2024', c: 'cart-inc' });
    t.equal(stranger.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    t.match(
      stranger.errors?.[0]?.message,
      /not among the controllers cart-2024 reaches \(example-city\)/,
    );
    const none = await gql(app, BREACH, { i: 'nothing', c: 'example-city' });
    t.equal(none.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
}
