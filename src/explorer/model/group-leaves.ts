import { node, type ViewEdge, type ViewGraph } from './graph.js';
import { en, type Words } from './i18n/en.js';

const classWord = (c: string, w: Words) =>
  c === 'unaware' ? w.unawareTag : (w.exposure[c.toUpperCase()] ?? c.toUpperCase());

/**
 * Hundreds of controllers side by side are unreadable and slow to lay out. A leaf controller
 * (one edge out, none in) is folded into a group with the others that share its one edge's
 * target and look (exposure, awareness, edge style); groups of one stay as they are.
 */
export function groupLeafControllers(graph: ViewGraph, w: Words = en): ViewGraph {
  const outs = new Map<string, ViewEdge[]>();
  const ins = new Set<string>();
  for (const e of graph.edges) {
    outs.set(e.source, [...(outs.get(e.source) ?? []), e]);
    ins.add(e.target);
  }
  const groups = new Map<
    string,
    { edge: ViewEdge; members: string[]; ids: Set<string>; classes: string[] }
  >();
  for (const n of graph.nodes) {
    const out = outs.get(n.id) ?? [];
    if (n.kind !== 'controller' || out.length !== 1 || ins.has(n.id)) continue;
    const edge = out[0];
    const key = `${edge.target}|${n.classes.join(' ')}|${edge.classes.join(' ')}`;
    const group = groups.get(key) ?? {
      edge,
      members: [],
      ids: new Set<string>(),
      classes: n.classes,
    };
    group.members.push(n.label.split('\n')[0]);
    group.ids.add(n.id);
    groups.set(key, group);
  }
  const folded = new Set<string>();
  const nodes = graph.nodes.slice();
  const edges: ViewEdge[] = [];
  let grouped = 0;
  let index = 0;
  for (const group of groups.values()) {
    if (group.ids.size < 2) continue;
    const id = `group:${index++}`;
    for (const m of group.ids) folded.add(m);
    grouped += group.ids.size;
    const state = group.classes.map((c) => classWord(c, w)).join(' · ');
    const n = node(
      id,
      `${w.groupOf(group.ids.size)}\n${state}`,
      'group',
      ['group', ...group.classes],
      w.groupDetail(group.ids.size, state, group.edge.target),
    );
    n.members = group.members;
    nodes.push(n);
    edges.push({
      ...group.edge,
      id: `${id}->${group.edge.target}`,
      source: id,
      detail: w.groupHops(group.ids.size, group.edge.detail),
    });
  }
  return {
    nodes: nodes.filter((n) => !folded.has(n.id)),
    edges: [...graph.edges.filter((e) => !folded.has(e.source)), ...edges],
    grouped,
  };
}
