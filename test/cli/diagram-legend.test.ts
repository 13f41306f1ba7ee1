import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../src/cli/main.js';
import { GraphBuilder, toDot, toMermaid } from '../../src/cli/render/graph.js';
import { LEGEND } from '../../src/cli/render/legend.js';
import { en } from '../../src/explorer/model/i18n/en.js';
import { explorerPage } from '../../src/explorer/page.js';
import { inProject } from '../../src/paths.js';

// Mermaid and DOT speak the explorer's picture language: inferred (or only possible) hops
// dotted, undisclosed hops red and heavy, and the explorer's legend words under the diagram.

t.test("the diagrams' legend words are the explorer's", async (t) => {
  const page = explorerPage(
    { script: 'main.js', style: 'main.css' },
    { words: en, explicitLang: false, switchHref: '/explorer?lang=ja' },
  );
  const legend = /<p class="legend"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
  t.ok(legend.length > 0, 'the explorer has a legend');
  for (const word of Object.values(LEGEND)) t.match(legend, `>${word}</span>`, word);
  t.same(
    [LEGEND.confirmed, LEGEND.inferred, LEGEND.undisclosed],
    ['CONFIRMED', 'POSSIBLE / inferred', 'undisclosed hop'],
  );
});

function sample() {
  const g = new GraphBuilder(new Map([['a', 'A 市']]));
  g.node('a', 'controller');
  g.edge('a', 'b', false); // declared
  g.edge('b', 'c', false, undefined, true); // inferred
  g.edge('c', 'd', true, 'FORBIDDEN', true); // inferred and undisclosed
  g.edge('d', 'e', false, undefined, true); // inferred on one path…
  g.edge('d', 'e', false, undefined, false); // …declared on another: solid wins
  return g.build('sample');
}

t.test('Mermaid: dotted where inferred, red where undisclosed, with the legend', async (t) => {
  const m = toMermaid(sample());
  const links = m.split('\n').filter((l) => /-->|-\.->/.test(l));
  t.same(
    links.map((l) => l.trim()),
    [
      'n0 --> n1',
      'n1 -.-> n2',
      'n2 -.->|"undisclosed, FORBIDDEN"| n3',
      'n3 --> n4',
      'lg0a[" "] -->|"CONFIRMED"| lg0b[" "]',
      'lg1a[" "] -.->|"POSSIBLE / inferred"| lg1b[" "]',
      'lg2a[" "] -->|"undisclosed hop"| lg2b[" "]',
    ],
  );
  // linkStyle counts links in order: the undisclosed edge is the third, the legend's the seventh.
  t.same(
    m
      .split('\n')
      .filter((l) => l.includes('linkStyle'))
      .map((l) => l.trim()),
    ['linkStyle 2 stroke:#b91c1c,stroke-width:3px', 'linkStyle 6 stroke:#b91c1c,stroke-width:3px'],
  );
  t.match(
    m,
    /subgraph legend \["Legend"\][\s\S]*lg_controller\["controller"\]:::controller[\s\S]*end/,
  );
  t.notMatch(m, /lg_leak|lg_finding/, 'only the node colours the diagram uses');
});

t.test('DOT: the same styles and legend', async (t) => {
  const d = toDot(sample());
  t.match(d, /\n {2}"a" -> "b";\n/);
  t.match(d, /\n {2}"b" -> "c" \[style=dotted\];\n/);
  t.match(
    d,
    /\n {2}"c" -> "d" \[label="undisclosed, FORBIDDEN", style=dotted, color="#b91c1c", fontcolor="#b91c1c", penwidth=2\.5\];\n/,
  );
  t.match(d, /\n {2}"d" -> "e";\n/, 'declared on one path: solid');
  t.match(d, /subgraph cluster_legend \{[\s\S]*label="POSSIBLE \/ inferred", style=dotted/);
  t.match(d, /lg2a -> lg2b \[label="undisclosed hop", color="#b91c1c"/);
});

t.test(
  'on the demo: the inferred hop of Takeo City is dotted, the declared one solid',
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'vc-cli-legend-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const cli = async (args: string[]) => {
      const out: string[] = [];
      await run(args, { DATA_DIR: dir }, { out: (s) => out.push(s), err: () => {}, width: 120 });
      return out.join('\n');
    };
    await cli(['import', inProject('examples', 'demo-register.yaml')]);
    const links = JSON.parse(
      await cli(['chain', '--controller', 'takeo-city', '--format', 'json']),
    );
    const dot = await cli(['chain', '--controller', 'takeo-city', '--format', 'dot']);
    const members = links.members as { party: { id: string }; link: string; via: string[] }[];
    t.ok(members.some((m) => m.link === 'inferred') && members.some((m) => m.link === 'declared'));
    t.match(dot, /"takeo-city" -> "cotode";/);
    t.match(dot, /"cotode" -> "yahoo-shopping" \[style=dotted\];/);
    const impact = await cli(['impact', '--incident', 'makeshop-2014', '--format', 'mermaid']);
    for (const word of [LEGEND.confirmed, LEGEND.inferred, LEGEND.undisclosed])
      t.match(impact, `|"${word}"|`);
  },
);
