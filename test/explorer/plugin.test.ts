import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import t from 'tap';
import { buildExplorer } from '../../src/explorer/build.js';
import explorerPlugin, { EXPLORER_CSP } from '../../src/explorer/plugin.js';

// The bundle is built into a temp dir here, as `npm run build` builds it into dist/explorer.
const dir = await mkdtemp(join(tmpdir(), 'vc-explorer-build-'));
t.teardown(() => rm(dir, { recursive: true, force: true }));
const manifest = await buildExplorer(dir);
const app = Fastify();
await app.register(explorerPlugin, { dir });
t.teardown(() => app.close());

t.test('GET /explorer: the page, its own assets, nothing from elsewhere', async (t) => {
  const page = await app.inject({ url: '/explorer?incident=makeshop-2014' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  t.equal(page.headers['content-security-policy'], EXPLORER_CSP);
  t.match(EXPLORER_CSP, /script-src 'self'(;|$)/);
  const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  t.ok(refs.length > 0);
  for (const ref of refs)
    t.ok(
      ref.startsWith('/') || ref.startsWith('#') || ref === 'data:,',
      `${ref} is on this origin (or the empty icon, or this page)`,
    );
  t.ok(
    page.body.includes(`/explorer/assets/${manifest.script}`) &&
      page.body.includes(`/explorer/assets/${manifest.style}`),
  );
  t.match(page.body, /id="node-list"|id="list"/, 'the accessible list has its place');

  const script = await app.inject({ url: `/explorer/assets/${manifest.script}` });
  t.equal(script.statusCode, 200);
  t.match(script.headers['content-type'], /^text\/javascript/);
  t.match(script.headers['cache-control'], /immutable/);
  t.ok(script.body.length > 100_000, 'Cytoscape and dagre are in the bundle');
  t.notMatch(script.body, /https?:\/\/(cdn|unpkg|cdnjs|jsdelivr)/, 'no CDN address in the bundle');
  const style = await app.inject({ url: `/explorer/assets/${manifest.style}` });
  t.match(style.body, /Noto Sans CJK JP/, 'a CJK font stack');
  t.match(style.body, /@media print/, 'a print stylesheet');
});

t.test('only the built files are served', async (t) => {
  for (const url of [
    '/explorer/assets/manifest.json',
    '/explorer/assets/../manifest.json',
    '/explorer/assets/%2e%2e%2fmanifest.json',
    '/explorer/assets/',
  ]) {
    t.equal((await app.inject({ url })).statusCode, 404, url);
  }
});

t.test('without a build, /explorer says how to make one instead of failing', async (t) => {
  const empty = await mkdtemp(join(tmpdir(), 'vc-explorer-none-'));
  const bare = Fastify();
  await bare.register(explorerPlugin, { dir: empty });
  t.teardown(async () => {
    await bare.close();
    await rm(empty, { recursive: true, force: true });
  });
  const res = await bare.inject({ url: '/explorer' });
  t.equal(res.statusCode, 503);
  t.match(res.body, /npm run build/);
});

t.test(
  'the language: ?lang=, else Accept-Language, else English; a bad lang is an error',
  async (t) => {
    const lang = async (url: string, accept?: string) => {
      const res = await app.inject({ url, headers: accept ? { 'accept-language': accept } : {} });
      return { status: res.statusCode, lang: /<html lang="(\w+)"/.exec(res.body)?.[1], res };
    };
    t.equal((await lang('/explorer')).lang, 'en');
    t.equal((await lang('/explorer', 'ja-JP,ja;q=0.9,en;q=0.8')).lang, 'ja');
    t.equal((await lang('/explorer', 'fr-FR,en;q=0.5,ja;q=0.9')).lang, 'ja', 'by quality');
    t.equal((await lang('/explorer', 'de')).lang, 'en');
    t.equal((await lang('/explorer?lang=en', 'ja')).lang, 'en', '?lang= wins');
    const ja = await lang('/explorer?incident=makeshop-2014&lang=ja');
    t.equal(ja.lang, 'ja');
    t.match(ja.res.body, /影響範囲を見る/);
    t.match(
      ja.res.body,
      /href="\/explorer\?incident=makeshop-2014&#38;lang=en"/,
      'the switch keeps the view',
    );
    t.match(ja.res.body, /<input type="hidden" name="lang" value="ja">/, 'forms keep ?lang=');
    t.equal(ja.res.headers.vary, 'accept-language');
    const bad = await lang('/explorer?lang=fr');
    t.equal(bad.status, 400);
    t.match(bad.res.body, /lang must be ja or en, not "fr"/);
  },
);

t.test('dates are typed as yyyy-mm-dd, never a locale date picker', async (t) => {
  const page = await app.inject({ url: '/explorer' });
  t.notMatch(page.body, /type="date"/);
  for (const name of ['asOf', 'from', 'to'])
    t.match(page.body, new RegExp(`name="${name}"[^>]*placeholder="yyyy-mm-dd"`), name);
});
