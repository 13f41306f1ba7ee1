import fp from 'fastify-plugin';
import { assetRoute } from '../asset-route.js';
import type { FastifyInstance } from 'fastify';
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

/** GraphiQL served from node_modules, with the example operations as tabs. */
export default fp(
  async function graphiqlPlugin(app: FastifyInstance) {
    bundle ??= buildBundle();
    const { html, assets } = bundle;

    app.get('/graphiql', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('x-content-type-options', 'nosniff')
        .send(html),
    );

    assetRoute(app, ASSET_PREFIX, (name) => assets.get(name));
  },
  { name: 'vendor-chain-graphiql', fastify: '5.x' },
);
