import { LEGEND, RED } from './legend.js';

// Chains drawn as diagrams for reports and GitHub issues: controller → … → leaking party, in the
// explorer's picture language: inferred (or only possible) hops dotted, undisclosed hops red,
// heavy and labelled, so the gap in notification shows at a glance; and the explorer's legend.

export interface GraphNode {
  id: string;
  name: string;
  role?: 'controller' | 'leak' | 'finding';
}

export interface GraphEdge {
  from: string;
  to: string;
  undisclosed: boolean;
  /** Drawn dotted: inferred, or only on POSSIBLE paths (a declared or CONFIRMED sighting wins). */
  inferred: boolean;
  label?: string;
}

export interface Graph {
  title: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Collects nodes and edges once each, in first-seen order. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  constructor(private readonly names: Map<string, string>) {}

  node(id: string, role?: GraphNode['role']): void {
    const existing = this.nodes.get(id);
    if (!existing)
      this.nodes.set(id, { id, name: this.names.get(id) ?? id, ...(role ? { role } : {}) });
    else if (role && !existing.role) existing.role = role;
  }

  edge(from: string, to: string, undisclosed: boolean, label?: string, inferred = false): void {
    this.node(from);
    this.node(to);
    const key = `${from}\u0000${to}`;
    const existing = this.edges.get(key);
    if (!existing)
      this.edges.set(key, { from, to, undisclosed, inferred, ...(label ? { label } : {}) });
    else {
      existing.undisclosed ||= undisclosed;
      existing.inferred &&= inferred;
      if (label && !existing.label?.split(', ').includes(label))
        existing.label = existing.label ? `${existing.label}, ${label}` : label;
    }
  }

  build(title: string): Graph {
    return { title, nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

// Node ids in diagrams are positional (n0, n1…): party ids may contain dots and dashes that
// Mermaid would read as syntax; names are quoted labels.
const quoteMermaid = (s: string) => `"${s.replace(/"/g, '#quot;')}"`;
const quoteDot = (s: string) =>
  `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function toMermaid(graph: Graph): string {
  const key = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = [`%% ${graph.title}`, 'flowchart LR'];
  for (const n of graph.nodes)
    lines.push(`  ${key.get(n.id)}[${quoteMermaid(`${n.name} (${n.id})`)}]`);
  // linkStyle addresses links by their position among all links, the legend's included.
  const styles: string[] = [];
  const link = (
    from: string,
    to: string,
    e: Pick<GraphEdge, 'undisclosed' | 'inferred'>,
    label: string,
    indent = '  ',
  ) => {
    if (e.undisclosed) styles.push(`  linkStyle ${styles.length} stroke:${RED},stroke-width:3px`);
    else styles.push('');
    lines.push(
      `${indent}${from} ${e.inferred ? '-.->' : '-->'}${label ? `|${quoteMermaid(label)}|` : ''} ${to}`,
    );
  };
  for (const e of graph.edges) link(key.get(e.from)!, key.get(e.to)!, e, edgeLabel(e));
  lines.push('  subgraph legend ["Legend"]', '    direction LR');
  for (const [i, [text, kind]] of legendEdges().entries())
    link(`lg${i}a[" "]`, `lg${i}b[" "]`, kind, text, '    ');
  for (const role of legendRoles(graph))
    lines.push(`    lg_${role}[${quoteMermaid(ROLE_WORDS[role])}]:::${role}`);
  lines.push('  end');
  lines.push(
    '  classDef controller fill:#dbeafe,stroke:#1d4ed8',
    '  classDef leak fill:#fee2e2,stroke:#b91c1c',
    '  classDef finding fill:#fef3c7,stroke:#b45309',
  );
  for (const role of ['controller', 'leak', 'finding'] as const) {
    const members = graph.nodes.filter((n) => n.role === role).map((n) => key.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${role}`);
  }
  lines.push(...styles.filter(Boolean));
  return `${lines.join('\n')}\n`;
}

export function toDot(graph: Graph): string {
  const lines = [
    `digraph vendor_chain {`,
    `  label=${quoteDot(graph.title)};`,
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff"];',
  ];
  for (const n of graph.nodes) {
    const color = n.role ? `, fillcolor=${quoteDot(FILL[n.role])}` : '';
    lines.push(
      `  ${quoteDot(n.id)} [label=${quoteDot(n.name === n.id ? n.id : `${n.name}\n${n.id}`)}${color}];`,
    );
  }
  for (const e of graph.edges)
    lines.push(`  ${quoteDot(e.from)} -> ${quoteDot(e.to)}${dotAttributes(e, edgeLabel(e))};`);
  lines.push(
    '  subgraph cluster_legend {',
    '    label="Legend"; fontsize=10; node [shape=point, width=0.08];',
  );
  for (const [i, [text, kind]] of legendEdges().entries())
    lines.push(`    lg${i}a -> lg${i}b${dotAttributes(kind, text)};`);
  for (const role of legendRoles(graph))
    lines.push(
      `    lg_${role} [shape=box, style="rounded,filled", width=0, label=${quoteDot(ROLE_WORDS[role])}, fillcolor=${quoteDot(FILL[role])}];`,
    );
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

const FILL = { controller: '#dbeafe', leak: '#fee2e2', finding: '#fef3c7' } as const;
const ROLE_WORDS = { controller: 'controller', leak: 'leak', finding: LEGEND.finding } as const;

const edgeLabel = (e: GraphEdge) =>
  [e.undisclosed ? 'undisclosed' : '', e.label ?? ''].filter(Boolean).join(', ');

/** The explorer's three kinds of line, each drawn as a sample edge with its legend words. */
function legendEdges(): [string, Pick<GraphEdge, 'undisclosed' | 'inferred'>][] {
  return [
    [LEGEND.confirmed, { undisclosed: false, inferred: false }],
    [LEGEND.inferred, { undisclosed: false, inferred: true }],
    [LEGEND.undisclosed, { undisclosed: true, inferred: false }],
  ];
}

/** The node colours the diagram uses, for the legend. */
const legendRoles = (graph: Graph) =>
  (['controller', 'leak', 'finding'] as const).filter((r) => graph.nodes.some((n) => n.role === r));

function dotAttributes(e: Pick<GraphEdge, 'undisclosed' | 'inferred'>, label: string): string {
  const attributes = [
    ...(label ? [`label=${quoteDot(label)}`] : []),
    ...(e.inferred ? ['style=dotted'] : []),
    ...(e.undisclosed ? [`color="${RED}"`, `fontcolor="${RED}"`, 'penwidth=2.5'] : []),
  ];
  return attributes.length ? ` [${attributes.join(', ')}]` : '';
}
