import type { ViewGraph } from './graph.js';

/** Cytoscape element definitions for a graph (the page and the bench draw the same elements). */
export function toElements(graph: ViewGraph) {
  return [
    ...graph.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { ...n },
      classes: [n.kind, ...n.classes],
    })),
    ...graph.edges.map((e) => ({ group: 'edges' as const, data: { ...e }, classes: e.classes })),
  ];
}

/** The page's dagre layout: controllers on the left, where the data ends up on the right. */
export const LAYOUT = {
  name: 'dagre',
  rankDir: 'LR',
  nodeSep: 18,
  rankSep: 110,
  edgeSep: 10,
  fit: true,
  padding: 24,
} as const;
