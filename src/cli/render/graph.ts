// Chains drawn as diagrams for reports and GitHub issues: controller → … → leaking party, with
// undisclosed hops drawn dashed and labelled, so the gap in notification shows at a glance.

export interface GraphNode {
  id: string;
  name: string;
  role?: 'controller' | 'leak' | 'finding';
}

export interface GraphEdge {
  from: string;
  to: string;
  undisclosed: boolean;
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

  edge(from: string, to: string, undisclosed: boolean, label?: string): void {
    this.node(from);
    this.node(to);
    const key = `${from}\u0000${to}`;
    const existing = this.edges.get(key);
    if (!existing) this.edges.set(key, { from, to, undisclosed, ...(label ? { label } : {}) });
    else {
      existing.undisclosed ||= undisclosed;
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
  for (const e of graph.edges) {
    const label = [e.undisclosed ? 'undisclosed' : '', e.label ?? ''].filter(Boolean).join(', ');
    const arrow = e.undisclosed ? '-.->' : '-->';
    lines.push(
      `  ${key.get(e.from)} ${arrow}${label ? `|${quoteMermaid(label)}|` : ''} ${key.get(e.to)}`,
    );
  }
  lines.push(
    '  classDef controller fill:#dbeafe,stroke:#1d4ed8',
    '  classDef leak fill:#fee2e2,stroke:#b91c1c',
    '  classDef finding fill:#fef3c7,stroke:#b45309',
  );
  for (const role of ['controller', 'leak', 'finding'] as const) {
    const members = graph.nodes.filter((n) => n.role === role).map((n) => key.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${role}`);
  }
  return `${lines.join('\n')}\n`;
}

export function toDot(graph: Graph): string {
  const fill = { controller: '#dbeafe', leak: '#fee2e2', finding: '#fef3c7' } as const;
  const lines = [
    `digraph vendor_chain {`,
    `  label=${quoteDot(graph.title)};`,
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff"];',
  ];
  for (const n of graph.nodes) {
    const color = n.role ? `, fillcolor=${quoteDot(fill[n.role])}` : '';
    lines.push(
      `  ${quoteDot(n.id)} [label=${quoteDot(n.name === n.id ? n.id : `${n.name}\n${n.id}`)}${color}];`,
    );
  }
  for (const e of graph.edges) {
    const label = [e.undisclosed ? 'undisclosed' : '', e.label ?? ''].filter(Boolean).join(', ');
    const style = e.undisclosed ? ', style=dashed, color="#b91c1c", fontcolor="#b91c1c"' : '';
    lines.push(
      `  ${quoteDot(e.from)} -> ${quoteDot(e.to)}${label ? ` [label=${quoteDot(label)}${style}]` : style ? ` [${style.slice(2)}]` : ''};`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
