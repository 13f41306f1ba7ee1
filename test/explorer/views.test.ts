import t from 'tap';
import {
  ARTIFACTS,
  explorerBrowser,
  seriousViolations,
  skipBrowser as skip,
} from '../helpers/explorer-browser.js';

// Every view in both languages, as a person sees it: at 1024×768 and on a large screen, checked
// by axe-core, walked with the keyboard. The screenshots in test-artifacts/ are looked at.

const open = skip ? undefined : await explorerBrowser(t);
const SIZES = [
  { width: 1024, height: 768 },
  { width: 2560, height: 1440 },
];
const today = () => {
  const d = new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

t.test('the home says what needs attention, in English and Japanese', { skip }, async (t) => {
  for (const [lang, words] of [
    [
      'en',
      { title: /What needs attention now \(today, \d{4}-\d{2}-\d{2}\)/, unaware: /3 unaware/ },
    ],
    ['ja', { title: /いま対応が必要なこと（本日 \d{4}-\d{2}-\d{2}）/, unaware: /未把握 3 件/ }],
  ] as const) {
    for (const size of SIZES) {
      const { page, blocked, problems } = await open!(`/explorer?lang=${lang}`, '.cards', size);
      t.match(await page.locator('#home-title').innerText(), words.title);
      const makeshop = page.locator('#home-incidents li[data-id="makeshop-2014"]');
      t.match(
        await makeshop.innerText(),
        words.unaware,
        `${lang}: makeshop-2014 reaches 3 unaware`,
      );
      t.equal(
        await page.locator('#home-incidents li').first().getAttribute('data-id'),
        'makeshop-2014',
        'the incident with unaware controllers comes first',
      );
      await page.locator('#home-incidents summary').click();
      const dates = await page
        .locator('#home-incidents li:not(.has-unaware) .meta')
        .allInnerTexts();
      const known = dates.map((d) => d.slice(0, 10)).filter((d) => /^\d{4}-/.test(d));
      t.same(known, [...known].sort().reverse(), `${lang}: newest first`);
      t.equal(
        await page.locator('#home-unaware li').count(),
        3,
        `${lang}: the three unaware towns`,
      );
      t.notOk(await page.locator('#export-png').isVisible(), 'nothing to export on the home');
      t.notMatch(
        await page.locator('#home-concentration').innerText(),
        /\b0 records\b|0 件/,
        'an unknown count is never 0',
      );
      await page.screenshot({ path: `${ARTIFACTS}/explorer-home-${lang}-${size.width}.png` });
      t.same(await seriousViolations(page), [], `${lang} ${size.width}: no serious axe violation`);
      t.same(blocked, []);
      t.same(problems, []);
      if (size.width === 1024) {
        await makeshop.locator('a').click();
        await page.locator('#cy[data-state="ready"]').waitFor();
        t.match(page.url(), new RegExp(`incident=makeshop-2014`), 'an incident opens its picture');
      }
      await page.close();
    }
  }
});

t.test('the MakeShop blast radius in Japanese', { skip }, async (t) => {
  for (const size of SIZES) {
    const { page, problems } = await open!(
      '/explorer?incident=makeshop-2014&lang=ja',
      '#cy[data-state="ready"]',
      size,
    );
    t.match(await page.locator('#view-title').innerText(), /makeshop-2014の影響範囲/);
    t.match(
      await page.locator('#node-list > li[data-id="mishima-city"]').innerText(),
      /三島市[\s\S]*可能性あり · 未把握/,
    );
    t.match(
      await page.locator('#edge-list > li[data-id="cotode--makeshop"]').innerText(),
      /未開示/,
    );
    t.match(await page.locator('.legend').innerText(), /未開示の委託[\s\S]*未把握の委託元/);
    t.ok(await page.locator('#export-png').isVisible(), 'something to export');
    const fontSize = await page.evaluate(() => {
      const cy = (window as unknown as { explorerZoom?: () => number }).explorerZoom;
      return cy ? cy() * 14 : 0;
    });
    t.ok(fontSize >= 11, `node labels are legible: ${fontSize.toFixed(1)} px`);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-blast-ja-${size.width}.png` });
    t.same(await seriousViolations(page), [], `${size.width}: no serious axe violation`);

    if (size.width === 1024) {
      // The keyboard: the skip link first, then a controller chosen from the list with Enter.
      await page.keyboard.press('Tab');
      t.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
      await page.locator('#node-list > li[data-id="takeo-city"] button').focus();
      await page.keyboard.press('Enter');
      await page.locator('#details h2', { hasText: '武雄市' }).waitFor();
      t.equal(
        await page.locator('#details .aka').innerText(),
        'Takeo City',
        'with its English name',
      );
      t.match(await page.locator('#details').innerText(), /漏えい等報告の期限/);
      await page.emulateMedia({ media: 'print' });
      t.match(
        await page.locator('#report').innerText(),
        /武雄市 \(takeo-city\) · Takeo City — 確定・未把握/,
      );
      await page.pdf({ path: `${ARTIFACTS}/explorer-report-ja.pdf`, format: 'A4' });
    }
    t.same(problems, []);
    await page.close();
  }
});

t.test(
  'a supply chain with no date is today, and says so; the 2014 chain is one step away',
  { skip },
  async (t) => {
    for (const lang of ['en', 'ja']) {
      const { page, problems } = await open!(
        `/explorer?controller=takeo-city&lang=${lang}`,
        '#cy[data-state="ready"]',
      );
      const now = today();
      t.equal(await page.locator('#asof-label').innerText(), now, 'the slider is on today');
      t.match(
        await page.locator('#view-title').innerText(),
        lang === 'en' ? `as of today, ${now}` : `本日 ${now} 時点`,
      );
      t.equal(await page.locator('#node-list > li[data-id="makeshop"]').count(), 0);
      await page.locator('#asof-slider').focus();
      await page.keyboard.press('Home');
      await page.locator('#node-list > li[data-id="makeshop"]').waitFor();
      t.equal(await page.locator('#asof-label').innerText(), '2015-03-31');
      t.match(page.url(), /asOf=2015-03-31/);
      t.match(await page.locator('#view-title').innerText(), /2015-03-31/);
      t.match(
        (await page.locator('#lang-switch').getAttribute('href')) ?? '',
        /asOf=2015-03-31/,
        'the language switch keeps the view',
      );
      await page.screenshot({ path: `${ARTIFACTS}/explorer-chain-${lang}.png` });
      t.same(await seriousViolations(page), [], `${lang}: no serious axe violation`);
      t.same(problems, []);
      await page.close();
    }
  },
);
