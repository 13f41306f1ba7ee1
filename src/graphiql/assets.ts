import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { WORDS, type Words } from '../explorer/model/i18n/index.js';
import type { Lang } from '../i18n/glossary.js';
import { loadOperations, type ExampleOperation } from './operations.js';

const require = createRequire(import.meta.url);

export const ASSET_PREFIX = '/graphiql/assets/';

export interface Asset {
  body: Buffer;
  contentType: string;
}

export interface GraphiqlBundle {
  /** The page at /graphiql in each language; null when the page script is not built. */
  pages: Record<Lang, string> | null;
  /** The allow-list: URL name under ASSET_PREFIX → file. Nothing else is served. */
  assets: Map<string, Asset>;
  operations: ExampleOperation[];
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

// The production UMD builds: they set window.React, window.ReactDOM and window.GraphiQL, so the
// page needs no bundler and no CDN. GraphiQL's CSS carries its fonts inline as data: URLs.
const VENDORED = [
  { pkg: 'react', file: 'umd/react.production.min.js', contentType: JS },
  { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: JS },
  { pkg: 'graphiql', file: 'graphiql.min.js', contentType: JS },
  { pkg: 'graphiql', file: 'graphiql.min.css', contentType: CSS },
] as const;

// The packages' "exports" hide umd/ and the root builds, but always export package.json: resolve
// that and go from its folder. The version goes into the URL, so a long cache is safe to upgrade.
function vendored(pkg: string, file: string): { name: string; path: string } {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { name: `${pkg}@${version}/${basename(file)}`, path: join(dirname(manifest), file) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a data block: "</script>" in an example cannot end the block. */
const jsonBlock = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The page, in one language: the bar above GraphiQL holds the explorer's #sign-in slot (an API
 * key field; with single sign-on, src/explorer/client/sign-in-slot.ts puts the sign-in button
 * there), the example operations as data for the boot script, which loads last.
 */
function page(
  scripts: string[],
  styles: string[],
  operations: ExampleOperation[],
  w: Words,
): string {
  const tags = [
    ...styles.map((href) => `    <link rel="stylesheet" href="${href}">`),
    ...scripts.map((src) => `    <script src="${src}" defer></script>`),
  ];
  return `<!doctype html>
<html lang="${w.lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>vendor-chain · GraphiQL</title>
    <style>
      html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
      #key-bar { display: flex; gap: 8px; align-items: center; height: 36px; padding: 0 12px;
        background: #0f172a; color: #f8fafc; font-size: 13px; }
      #key-bar form, #sign-in { display: flex; gap: 6px; align-items: center; }
      .sign-in-problem, body.needs-key #key-status { color: #fde68a; font-weight: 600; }
      #lang-switch { color: #bfdbfe; margin-left: auto; }
      #graphiql { height: calc(100vh - 36px); }
    </style>
${tags.join('\n')}
    <script type="application/json" id="operations">${jsonBlock(operations)}</script>
  </head>
  <body>
    <div id="key-bar">
      <div id="sign-in">
        <form id="key-form">
          <label for="api-key">${escapeHtml(w.apiKey)}</label>
          <input id="api-key" type="password" autocomplete="off" placeholder="${escapeHtml(w.apiKeyHint)}">
          <button>${escapeHtml(w.useKey)}</button>
        </form>
      </div>
      <span id="key-status" role="status"></span>
      <a id="lang-switch" href="/graphiql?lang=${w.switchToLang}" hreflang="${w.switchToLang}" lang="${w.switchToLang}">${escapeHtml(w.switchTo)}</a>
    </div>
    <div id="graphiql">${escapeHtml(w.loading)}</div>
  </body>
</html>
`;
}

/**
 * The pages and their assets. `boot` is GraphiQL's page script from the explorer's build
 * (dist/explorer): null when `npm run build` has not made it, and then there is no page.
 */
export function buildBundle(boot: { name: string; body: Buffer } | null): GraphiqlBundle {
  const assets = new Map<string, Asset>();
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const { pkg, file, contentType } of VENDORED) {
    const { name, path } = vendored(pkg, file);
    assets.set(name, { body: readFileSync(path), contentType });
    (contentType === CSS ? styles : scripts).push(ASSET_PREFIX + name);
  }
  const operations = loadOperations();
  if (boot === null) return { pages: null, assets, operations };
  // Named by content by the build, so a long cache is safe.
  assets.set(boot.name, { body: boot.body, contentType: JS });
  // `defer` runs scripts in document order after parsing, so the boot script goes last.
  scripts.push(ASSET_PREFIX + boot.name);
  const pageIn = (lang: Lang) => page(scripts, styles, operations, WORDS[lang]);
  return { pages: { en: pageIn('en'), ja: pageIn('ja') }, assets, operations };
}
