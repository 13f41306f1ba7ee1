import { edgeTags, type ViewGraph, type ViewNode } from '../model/graph.js';
import { byId, h } from './dom.js';
import { w } from './lang.js';

// Where the leak is first, then who is exposed, who is on the way, who is not exposed.
const ORDER: Record<ViewNode['kind'], number> = {
  leak: 0,
  controller: 1,
  group: 2,
  party: 3,
  spared: 4,
};

/**
 * The graph as lists, for screen readers, keyboards and tests: every node with what it is, every
 * edge with its style in words. Each entry is a button (the name, in bold, and its state) that
 * selects the same element in the picture; the full sentence follows in small type.
 */
export function renderList(graph: ViewGraph, onSelect: (id: string) => void): void {
  const names = new Map(graph.nodes.map((n) => [n.id, n.label.split('\n')[0]]));
  const item = (
    id: string,
    kind: string,
    name: string,
    state: string,
    detail: string,
    extra?: Node,
  ) =>
    h(
      'li',
      { 'data-id': id, 'data-kind': kind },
      h(
        'button',
        { type: 'button', class: 'linkish' },
        h('strong', {}, name),
        state ? h('span', { class: 'state' }, state) : null,
      ),
      h('span', { class: 'detail' }, detail),
      extra ?? null,
    );
  const sorted = [...graph.nodes].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const nodes = h(
    'ul',
    { id: 'node-list' },
    ...sorted.map((n) => {
      const [name, ...state] = n.label.split('\n');
      return item(
        n.id,
        n.kind,
        name,
        state.join(' · '),
        n.detail,
        n.members ? h('ul', {}, ...n.members.map((m) => h('li', {}, m))) : undefined,
      );
    }),
  );
  const edges = h(
    'ul',
    { id: 'edge-list' },
    ...graph.edges.map((e) =>
      item(
        e.id,
        e.classes.join(' '),
        `${names.get(e.source) ?? e.source} → ${names.get(e.target) ?? e.target}`,
        edgeTags(e, w),
        e.detail,
      ),
    ),
  );
  for (const list of [nodes, edges]) {
    list.addEventListener('click', (event) => {
      const li = (event.target as HTMLElement).closest('li[data-id]');
      if (li) onSelect(li.getAttribute('data-id') as string);
    });
  }
  const grouped = graph.grouped > 0 ? h('p', {}, w.groupedNote(graph.grouped)) : null;
  byId('list').replaceChildren(
    ...[
      h('h2', {}, w.listTitle),
      grouped,
      h('h3', {}, w.nodesTitle(graph.nodes.length)),
      nodes,
      h('h3', {}, w.edgesTitle(graph.edges.length)),
      edges,
    ].filter((x): x is NonNullable<typeof x> => x !== null),
  );
}
