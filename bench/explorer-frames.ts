import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { inProject } from '../src/paths.js';
import { importRegister } from '../src/register/import.js';
import type { StorePort } from '../src/store/port.js';
import { hubRegister } from './explorer-layout.js';

// The hub leak as a person gets it: the page in Debian's Chromium on a 1024×768 window, the time
// from the address to a laid-out picture, the layout alone (the page's own data-layout-ms), and
// the frame intervals while the reader zooms with the mouse wheel (requestAnimationFrame in the
// page). The store already holds bench/explorer-layout.ts's hub register.

const CHROMIUM = '/usr/bin/chromium';

export interface FrameBench {
  readyMs: number;
  layoutMs: number;
  nodes: number;
  frames: { p50: number; p95: number; max: number; count: number };
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export async function benchExplorerFrames(store: StorePort): Promise<FrameBench | null> {
  if (!existsSync(CHROMIUM) || !existsSync(inProject('dist/explorer/manifest.json'))) return null;
  const report = await importRegister(store, hubRegister());
  if (!report.ok) throw new Error(`explorer bench register: ${JSON.stringify(report.errors[0])}`);
  const app = await buildApp({ store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    const t0 = performance.now();
    await page.goto(`${base}/explorer?incident=hub-leak&lang=ja`);
    const cy = page.locator('#cy[data-state="ready"]');
    await page
      .locator('#cy[data-state="ready"], #status.error')
      .first()
      .waitFor({ timeout: 300_000 });
    if (!(await cy.count()))
      throw new Error(`the explorer failed: ${await page.locator('#status').innerText()}`);
    const readyMs = performance.now() - t0;
    const layoutMs = Number(await cy.getAttribute('data-layout-ms'));
    const nodes = await page.locator('#node-list > li').count();
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number[] };
      w.frames_ = [];
      let last = performance.now();
      const tick = (now: number) => {
        w.frames_.push(now - last);
        last = now;
        if (w.frames_.length < 240) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const box = (await cy.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, i < 15 ? -120 : 120);
      await page.waitForTimeout(30);
    }
    const frames = (await page.evaluate(
      () => (window as unknown as { frames_: number[] }).frames_,
    )) as number[];
    const measured = frames.slice(1);
    return {
      readyMs,
      layoutMs,
      nodes,
      frames: {
        p50: quantile(measured, 0.5),
        p95: quantile(measured, 0.95),
        max: Math.max(...measured),
        count: measured.length,
      },
    };
  } finally {
    await browser.close();
    await app.close();
  }
}
