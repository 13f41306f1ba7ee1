import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { assetRoute } from '../asset-route.js';
import { withSignIn } from '../http/page-csp.js';
import type { FastifyInstance } from 'fastify';
import { langParam, negotiateLang } from '../i18n/negotiate.js';
import { EXPLORER_DIR, MANIFEST, type ExplorerManifest } from './manifest.js';
import { WORDS } from './model/i18n/index.js';
import { ASSET_PREFIX, explorerPage } from './page.js';

// As for GraphiQL: everything from this origin, so a bundle that reached for a CDN fails loudly.
// Cytoscape sets style attributes and injects one <style>, hence 'unsafe-inline' for styles only;
// blob: and data: images are the PNG export and the picture in the printed report.
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface Bundle {
  manifest: ExplorerManifest;
  assets: Map<string, { body: Buffer; contentType: string }>;
}

/** The built bundle from dist/explorer, or null when `npm run build` has not made it. */
export function loadBundle(dir = EXPLORER_DIR): Bundle | null {
  if (!existsSync(join(dir, MANIFEST))) return null;
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ExplorerManifest;
  const assets = new Map<string, { body: Buffer; contentType: string }>();
  for (const name of [manifest.script, manifest.style, `${manifest.script}.LEGAL.txt`]) {
    if (!existsSync(join(dir, name))) continue;
    assets.set(name, {
      body: readFileSync(join(dir, name)),
      contentType: TYPES[name.slice(name.lastIndexOf('.'))],
    });
  }
  return { manifest, assets };
}

/** GET /explorer: the visual explorer, a client of /graphql served from the built bundle. */
export default fp(
  async function explorerPlugin(
    app: FastifyInstance,
    options: { dir?: string; signInOrigin?: string | null },
  ) {
    const bundle = loadBundle(options.dir);
    const csp = withSignIn(EXPLORER_CSP, options.signInOrigin ?? null);
    if (!bundle)
      app.log.warn('explorer: dist/explorer is missing; run `npm run build` to serve /explorer');

    app.get('/explorer', async (request, reply) => {
      if (!bundle)
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The explorer is not built: run `npm run build` (npm ci does it).\n');
      const url = new URL(request.url, 'http://explorer.invalid');
      const asked = url.searchParams.get('lang');
      const parsed = asked === null ? null : langParam.safeParse(asked);
      if (parsed && !parsed.success)
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(`${parsed.error.issues[0].message}: /explorer?lang=ja or /explorer?lang=en\n`);
      const lang = parsed?.data ?? negotiateLang(request.headers['accept-language']);
      const words = WORDS[lang];
      url.searchParams.set('lang', words.switchToLang);
      const html = explorerPage(bundle.manifest, {
        words,
        explicitLang: parsed !== null,
        switchHref: `/explorer${url.search}`,
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-language')
        .header('content-security-policy', csp)
        .header('x-content-type-options', 'nosniff')
        .send(html);
    });

    assetRoute(app, ASSET_PREFIX, (name) => bundle?.assets.get(name));
  },
  { name: 'vendor-chain-explorer', fastify: '5.x' },
);
