import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { assetRoute } from '../asset-route.js';
import { withSignIn } from '../http/page-csp.js';
import type { FastifyInstance } from 'fastify';
import { EXPLORER_DIR, MANIFEST, type ExplorerManifest } from '../explorer/manifest.js';
import { langParam, negotiateLang } from '../i18n/negotiate.js';
import { ASSET_PREFIX, buildBundle, type GraphiqlBundle } from './assets.js';

// Everything the page needs comes from this origin: the browser enforces it too, so a GraphiQL
// upgrade that starts fetching from a CDN fails loudly here instead of silently offline.
// 'unsafe-inline' styles: React and CodeMirror set style attributes; scripts stay 'self' only.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Read once per process (about 1.5 MB): the files only change with a reinstall, and the tests
// build many apps.
let bundle: GraphiqlBundle | undefined;

/** GraphiQL's page script, built with the explorer's (npm run build), or null. */
function builtBoot(dir = EXPLORER_DIR): { name: string; body: Buffer } | null {
  if (!existsSync(join(dir, MANIFEST))) return null;
  const { graphiql } = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ExplorerManifest;
  if (!graphiql || !existsSync(join(dir, graphiql))) return null;
  return { name: graphiql, body: readFileSync(join(dir, graphiql)) };
}

/** GraphiQL served from node_modules, with the example operations as tabs. */
export default fp(
  async function graphiqlPlugin(
    app: FastifyInstance,
    { signInOrigin = null, dir }: { signInOrigin?: string | null; dir?: string },
  ) {
    const csp = withSignIn(CONTENT_SECURITY_POLICY, signInOrigin);
    // Another build directory (a test's) is read for this app only.
    const { pages, assets } =
      dir === undefined ? (bundle ??= buildBundle(builtBoot())) : buildBundle(builtBoot(dir));
    if (!pages)
      app.log.warn('graphiql: dist/explorer is missing; run `npm run build` to serve /graphiql');

    app.get('/graphiql', async (request, reply) => {
      if (!pages)
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('GraphiQL is not built: run `npm run build` (npm ci does it).\n');
      const asked = (request.query as { lang?: string }).lang;
      const parsed = asked === undefined ? null : langParam.safeParse(asked);
      if (parsed && !parsed.success)
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(`${parsed.error.issues[0].message}: /graphiql?lang=ja or /graphiql?lang=en\n`);
      const lang = parsed?.data ?? negotiateLang(request.headers['accept-language']);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-language')
        .header('content-security-policy', csp)
        .header('x-content-type-options', 'nosniff')
        .send(pages[lang]);
    });

    assetRoute(app, ASSET_PREFIX, (name) => assets.get(name));
  },
  { name: 'vendor-chain-graphiql', fastify: '5.x' },
);
