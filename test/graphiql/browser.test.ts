import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { loadOperations } from '../../src/graphiql/operations.js';
import { loadDemoIfEmpty } from '../../src/register/demo.js';
import { openEmbeddedStore } from '../../src/store/embedded/index.js';
import { newKey } from '../../src/access/key-hash.js';
import { auditDraft } from '../../src/register/audit-summary.js';

// Debian's Chromium, installed by .ci/install-chromium.sh: playwright's own browser download
// cannot work on a machine without internet.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} not found: run .ci/install-chromium.sh to run the GraphiQL browser test`;

t.test('GraphiQL runs the MakeShop example offline, from this origin only', { skip }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'vc-graphiql-'));
  const store = await openEmbeddedStore(dir);
  const app = await buildApp({ store });
  // Declared before the teardown that closes it, assigned once the server is up.
  // eslint-disable-next-line prefer-const
  let browser: Browser | undefined;
  t.teardown(async () => {
    await browser?.close();
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });
  t.ok(await loadDemoIfEmpty(store, app.log), 'the demo register is loaded');
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // The machine is offline: anything not to this machine would hang or fail, so it is refused
  // here and recorded; the page must work without needing any of it.
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });

  const response = await page.goto(`${base}/graphiql`, { waitUntil: 'load' });
  t.equal(response?.status(), 200);

  // One tab per example operation, titled by its name (GraphiQL's own naming).
  const tab = page.locator('.graphiql-tab', { hasText: 'MakeShopLeak' });
  await tab.waitFor({ timeout: 30_000 });
  t.equal(
    await page.locator('.graphiql-tab').count(),
    loadOperations().length,
    'every example is a tab',
  );
  await page.locator('.graphiql-tab', { hasText: 'FukuiSupplyChain' }).click();
  await tab.click();
  await page.locator('.graphiql-query-editor').getByText('makeshop-2014').waitFor();

  // CodeMirror only draws the visible lines, so the whole result is read from its instance.
  const run = async (previous: string) => {
    await page.locator('.graphiql-execute-button').click();
    const result = await page.waitForFunction(
      (before) => {
        const editor = document.querySelector('.result-window .CodeMirror') as
          (Element & { CodeMirror?: { getValue(): string } }) | null;
        const text = editor?.CodeMirror?.getValue() ?? '';
        return text !== before && (text.includes('"data"') || text.includes('"errors"'))
          ? text
          : false;
      },
      previous,
      { timeout: 30_000 },
    );
    return (await result.jsonValue()) as string;
  };
  // GraphiQL can run a tab switched to a moment ago with the previous tab's operation name
  // ("Unknown operation named …"); its own state settles, and running again runs the right one.
  let text = await run('');
  for (let tries = 1; tries < 3 && text.includes('Unknown operation named'); tries++)
    text = await run(text);
  t.match(text, /mishima-city/, 'Mishima City is in the blast radius');
  t.match(text, /三島市/);
  t.notMatch(text, /"errors"/);
  t.same(blocked, [], 'no request left this machine');
  t.same(problems, [], 'no errors in the page (a CSP violation would show here)');
  if (process.env.GRAPHIQL_SCREENSHOT)
    await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT });
});

t.test(
  'with keys configured GraphiQL asks for one, and its docs load once given',
  { skip },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-graphiql-key-'));
    const store = await openEmbeddedStore(dir);
    const app = await buildApp({ store });
    // eslint-disable-next-line prefer-const
    let browser: Browser | undefined;
    t.teardown(async () => {
      await browser?.close();
      await app.close();
      await rm(dir, { recursive: true, force: true });
    });
    const { plain, record } = await newKey('graphiql-test', 'reader');
    await store.addApiKey(record, auditDraft('test', 'keys create', 'graphiql-test'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/graphiql`, { waitUntil: 'load' });
    await page
      .locator('#key-status', { hasText: 'asks for an API key' })
      .waitFor({ timeout: 30_000 });
    t.pass('without a key the page says to enter one');

    const sent = page.waitForRequest(
      (r) => r.url().endsWith('/graphql') && r.headers().authorization === `Bearer ${plain}`,
    );
    await page.locator('#api-key').fill(plain);
    await page.locator('#key-form button').click();
    t.ok(await sent, 'the key is sent as a bearer token');
    await page.locator('.graphiql-tab', { hasText: 'MakeShopLeak' }).waitFor({ timeout: 30_000 });
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).waitFor({ timeout: 30_000 });
    t.notMatch(
      await page.locator('.graphiql-doc-explorer').innerText(),
      /Error fetching schema/,
      'the documentation panel loads its schema',
    );
    t.equal(await page.locator('#key-status').innerText(), '', 'and the key is accepted');
    if (process.env.GRAPHIQL_SCREENSHOT)
      await page.screenshot({
        path: process.env.GRAPHIQL_SCREENSHOT.replace(/\.png$/, '-key.png'),
      });
  },
);
