import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { inProject } from '../../src/paths.js';
import { loadDemoIfEmpty } from '../../src/register/demo.js';
import { tempStore } from './app.js';

// The explorer on the demo register in Debian's Chromium, every request not to this machine
// refused (as in test/explorer/browser.test.ts). Screenshots go to test-artifacts/ (gitignored).
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const ARTIFACTS = inProject('test-artifacts');

export const skipBrowser = !existsSync(CHROMIUM)
  ? `${CHROMIUM} not found: run .ci/install-chromium.sh to run the explorer browser tests`
  : !existsSync(inProject('dist/explorer/manifest.json'))
    ? 'dist/explorer is not built: run npm run build'
    : false;

export interface Opened {
  page: Page;
  blocked: string[];
  problems: string[];
}

/** Starts the app on the demo and a browser; `open` loads a path and waits for `ready`. */
export async function explorerBrowser(t: Test) {
  const store = await tempStore(t, 'vc-explorer-views-');
  const app = await buildApp({ store });
  await loadDemoIfEmpty(store, app.log);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  await mkdir(ARTIFACTS, { recursive: true });
  t.teardown(async () => {
    await browser.close();
    await app.close();
  });
  return async function open(
    path: string,
    ready: string,
    viewport = { width: 1024, height: 768 },
    locale = 'en-US',
  ): Promise<Opened> {
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    const blocked: string[] = [];
    const problems: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('close', () => void context.close());
    const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
    if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    return { page, blocked, problems };
  };
}

/** axe-core's serious and critical violations on the page, as "rule: where" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
