import { WIDE, type ViewGraph } from './graph.js';

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

// Edge labels are drawn at 12 px and wrap at 180 px (cy-style.ts): about 6.5 px for a Latin
// character, 13 for a wide one.
const EDGE_LABEL_MAX = 180;
const edgeLabelWidth = (label: string) =>
  Math.min(
    EDGE_LABEL_MAX,
    Math.max(
      0,
      ...label.split('\n').map((l) => [...l].reduce((w, ch) => w + (WIDE.test(ch) ? 13 : 6.5), 0)),
    ),
  );

/**
 * The layout for one graph: ranks far enough apart for its widest edge label to sit between the
 * boxes ("FORBIDDEN · UNDISCLOSED" was cut by the nodes at either end of a 110 px gap).
 */
export function layoutFor(graph: ViewGraph) {
  const widest = Math.max(0, ...graph.edges.map((e) => edgeLabelWidth(e.label)));
  return { ...LAYOUT, rankSep: Math.max(LAYOUT.rankSep, Math.round(widest) + 30) };
}
