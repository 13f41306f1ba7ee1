import type { ExplorerManifest } from './build.js';

export const ASSET_PREFIX = '/explorer/assets/';

/** The page's frame; the bundled script fills it from the address and the GraphQL API. */
export function explorerPage({ script, style }: ExplorerManifest): string {
  return `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>vendor-chain · explorer</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${ASSET_PREFIX}${style}">
    <script src="${ASSET_PREFIX}${script}" defer></script>
  </head>
  <body lang="en">
    <header>
      <h1><a href="/explorer">vendor-chain explorer</a></h1>
      <form class="query" action="/explorer" method="get" aria-label="Blast radius of an incident">
        <input name="incident" placeholder="incident id" aria-label="Incident id"><button>Blast radius</button>
      </form>
      <form class="query" action="/explorer" method="get" aria-label="Blast radius of a hypothetical leak">
        <input name="party" placeholder="leaking party id" aria-label="Leaking party id" required>
        <input name="from" type="date" aria-label="Window from"><input name="to" type="date" aria-label="Window to (first day after)">
        <input name="data" placeholder="data, e.g. user.contact" aria-label="Data categories, comma separated"><button>Leak</button>
      </form>
      <form class="query" action="/explorer" method="get" aria-label="Supply chain">
        <input name="controller" placeholder="controller id" aria-label="Controller id" required>
        <input name="asOf" type="date" aria-label="As of"><button>Supply chain</button>
      </form>
      <form class="query" action="/explorer" method="get" aria-label="Concentration">
        <input type="hidden" name="view" value="concentration">
        <input name="asOf" type="date" aria-label="Concentration as of"><button>Concentration</button>
      </form>
      <form id="search-form" role="search">
        <input name="q" type="search" placeholder="search: 武雄, Takeo, makeshop" aria-label="Search parties by name, other name or id" required><button>Search</button>
      </form>
      <form id="key-form" aria-label="API key">
        <input id="api-key" type="password" autocomplete="off" placeholder="API key (this tab only)" aria-label="API key, kept in this tab only"><button>Use key</button>
      </form>
    </header>
    <div id="search-results" aria-live="polite"></div>
    <main>
      <section id="graph-pane" aria-labelledby="view-title">
        <h2 id="view-title">Loading…</h2>
        <p id="status" role="status" aria-live="polite"></p>
        <div id="timeline"></div>
        <div class="toolbar">
          <button id="export-png" type="button">Export PNG</button>
          <button id="export-svg" type="button">Export SVG</button>
          <button id="print-report" type="button">Print incident report</button>
        </div>
        <div id="concentration"></div>
        <div id="cy" role="img" aria-label="The graph; the same nodes and edges are listed beside it"></div>
        <div id="tooltip" role="tooltip" hidden></div>
        <p class="legend" aria-hidden="true">
          <span class="l-confirmed">CONFIRMED</span><span class="l-possible">POSSIBLE / inferred</span>
          <span class="l-undisclosed">undisclosed hop</span><span class="l-stopped">path stopped (spared)</span>
          <span class="l-finding">finding</span><span class="l-unaware">unaware controller</span>
        </p>
      </section>
      <aside>
        <section id="details" aria-live="polite"></section>
        <section id="list" aria-label="Nodes and edges as a list"></section>
      </aside>
    </main>
    <article id="report"></article>
  </body>
</html>
`;
}
