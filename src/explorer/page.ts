import type { ExplorerManifest } from './manifest.js';
import type { Words } from './model/i18n/en.js';

export const ASSET_PREFIX = '/explorer/assets/';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PageOptions {
  words: Words;
  /** The language was asked for with ?lang=: the forms and links keep asking for it. */
  explicitLang: boolean;
  /** The address of this view in the other language. */
  switchHref: string;
}

/** A yyyy-mm-dd field: typed text, so the browser's locale never turns it into mm/dd/yyyy. */
function dateField(name: string, label: string, w: Words): string {
  return `<label class="field date"><span>${label}</span><input name="${name}" inputmode="numeric" pattern="\\d{4}-\\d{2}-\\d{2}" placeholder="${w.dateHint}" title="${w.dateHint}" autocomplete="off" size="10"></label>`;
}

/** The page's frame, in the asked language; the bundled script fills it from the address and the API. */
export function explorerPage(
  { script, style }: Pick<ExplorerManifest, 'script' | 'style'>,
  { words: w, explicitLang, switchHref }: PageOptions,
): string {
  const keep = explicitLang ? `<input type="hidden" name="lang" value="${w.lang}">` : '';
  const home = explicitLang ? `/explorer?lang=${w.lang}` : '/explorer';
  return `<!doctype html>
<html lang="${w.lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escape(w.appTitle)}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${ASSET_PREFIX}${style}">
    <script src="${ASSET_PREFIX}${script}" defer></script>
  </head>
  <body data-view="loading">
    <a class="skip" href="#main">${w.skipToContent}</a>
    <header>
      <h1><a href="${home}">${w.appTitle}</a></h1>
      <nav aria-label="${w.waysIn}" class="ways-in">
        <form class="query" action="/explorer" method="get" data-pick="incident">
          <label class="field"><span>${w.incident}</span><input name="incident" list="incident-options" placeholder="${w.incidentHint}" autocomplete="off" required></label>
          <datalist id="incident-options"></datalist>${keep}
          <button>${w.showBlastRadius}</button>
        </form>
        <form class="query" action="/explorer" method="get" data-pick="party">
          <label class="field"><span>${w.controller}</span><input name="controller" list="controller-options" placeholder="${w.controllerHint}" autocomplete="off" required></label>
          <datalist id="controller-options"></datalist>
          ${dateField('asOf', w.asOf, w)}${keep}
          <button>${w.showChain}</button>
        </form>
        <form class="query" action="/explorer" method="get" data-pick="party">
          <label class="field"><span>${w.vendor}</span><input name="party" list="party-options" placeholder="${w.vendorHint}" autocomplete="off" required></label>
          <datalist id="party-options"></datalist>
          ${dateField('from', w.from, w)}${dateField('to', w.to, w)}
          <label class="field"><span>${w.data}</span><input name="data" placeholder="${w.dataHint}" size="12"></label>${keep}
          <button>${w.showLeak}</button>
        </form>
      </nav>
      <div class="tools">
        <a id="lang-switch" href="${escape(switchHref)}" hreflang="${w.switchToLang}" lang="${w.switchToLang}" title="${w.switchLabel}">${w.switchTo}</a>
        <!-- An API key; with single sign-on, the sign-in button or who is signed in (sign-in-slot.ts). -->
        <div id="sign-in">
          <form id="key-form">
            <label class="field"><span class="sr-only">${w.apiKey}</span><input id="api-key" type="password" autocomplete="off" placeholder="${w.apiKeyHint}" size="18"></label><button>${w.useKey}</button>
          </form>
        </div>
      </div>
    </header>
    <div id="search-results" aria-live="polite"></div>
    <main id="main" tabindex="-1">
      <section id="home" aria-labelledby="home-title" hidden></section>
      <section id="graph-pane" aria-labelledby="view-title">
        <h2 id="view-title">${w.loading}</h2>
        <p id="status" role="status" aria-live="polite"></p>
        <div id="timeline"></div>
        <div class="toolbar" hidden>
          <button id="export-png" type="button">${w.exportPng}</button>
          <button id="export-svg" type="button">${w.exportSvg}</button>
          <button id="print-report" type="button">${w.printReport}</button>
        </div>
        <div id="concentration"></div>
        <div id="cy" role="img" aria-label="${w.graphLabel}"></div>
        <div id="tooltip" role="tooltip" hidden></div>
        <p class="legend" aria-hidden="true">
          <span class="l-confirmed">${w.legend.confirmed}</span><span class="l-possible">${w.legend.possible}</span>
          <span class="l-undisclosed">${w.legend.undisclosed}</span><span class="l-stopped">${w.legend.stopped}</span>
          <span class="l-finding">${w.legend.finding}</span><span class="l-unaware">${w.legend.unaware}</span>
        </p>
      </section>
      <aside>
        <section id="details" aria-live="polite"></section>
        <section id="list" aria-label="${w.listLabel}"></section>
      </aside>
    </main>
    <article id="report" lang="${w.lang}"></article>
  </body>
</html>
`;
}
