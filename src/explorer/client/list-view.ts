import type { ViewGraph } from '../model/graph.js';
import { byId, h } from './dom.js';

/**
 * The graph as lists, for screen readers, keyboards and tests: every node with what it is, every
 * edge with its style in words. Each entry is a button that selects the same element in the
 * picture and shows its details.
 */
export function renderList(graph: ViewGraph, onSelect: (id: string) => void): void {
  const names = new Map(graph.nodes.map((n) => [n.id, n.label.split('\n')[0]]));
  const item = (id: string, kind: string, text: string, extra?: Node) =>
    h(
      'li',
      { 'data-id': id, 'data-kind': kind },
      h('button', { type: 'button', class: 'linkish' }, text),
      extra ?? null,
    );
  const nodes = h(
    'ul',
    { id: 'node-list' },
    ...graph.nodes.map((n) =>
      item(
        n.id,
        n.kind,
        n.detail,
        n.members ? h('ul', {}, ...n.members.map((m) => h('li', {}, m))) : undefined,
      ),
    ),
  );
  const edges = h(
    'ul',
    { id: 'edge-list' },
    ...graph.edges.map((e) =>
      item(
        e.id,
        e.classes.join(' '),
        `${names.get(e.source) ?? e.source} → ${names.get(e.target) ?? e.target}: ${[...e.classes, e.label].filter(Boolean).join(', ')}. ${e.detail}`,
      ),
    ),
  );
  for (const list of [nodes, edges]) {
    list.addEventListener('click', (event) => {
      const li = (event.target as HTMLElement).closest('li[data-id]');
      if (li) onSelect(li.getAttribute('data-id') as string);
    });
  }
  const grouped =
    graph.grouped > 0
      ? h('p', {}, `${graph.grouped} leaf controllers are drawn as groups; each group lists them.`)
      : null;
  byId('list').replaceChildren(
    ...[
      h('h2', {}, 'Nodes and edges'),
      grouped,
      h('h3', {}, `Nodes (${graph.nodes.length})`),
      nodes,
      h('h3', {}, `Edges (${graph.edges.length})`),
      edges,
    ].filter((x): x is NonNullable<typeof x> => x !== null),
  );
}
