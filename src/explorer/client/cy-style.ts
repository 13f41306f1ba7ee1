import type { StylesheetJson } from 'cytoscape';

// Japanese names first: a Japanese font where there is one, then any CJK font, then sans.
export const FONT_STACK =
  '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, "Source Han Sans JP", sans-serif';

const RED = '#dc2626';
const GREY = '#9ca3af';

export const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 'data(width)',
      height: 'data(height)',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-family': FONT_STACK,
      'font-size': 14,
      color: '#111827',
      'background-color': '#ffffff',
      'border-width': 1.5,
      'border-color': '#64748b',
    },
  },
  {
    selector: 'node.leak',
    style: {
      'background-color': '#fee2e2',
      'border-color': '#b91c1c',
      'border-width': 3,
      'font-weight': 'bold',
    },
  },
  {
    selector: 'node.controller, node.group',
    style: { 'background-color': '#dbeafe', 'border-color': '#1d4ed8', 'border-width': 2 },
  },
  { selector: 'node.possible', style: { 'border-style': 'dashed' } },
  {
    selector: 'node.unaware',
    style: { 'border-color': '#ea580c', 'border-width': 4, color: '#9a3412' },
  },
  {
    selector: 'node.spared',
    style: {
      'background-color': '#f3f4f6',
      'border-color': GREY,
      color: '#6b7280',
      'border-style': 'dashed',
    },
  },
  { selector: 'node.abroad', style: { 'border-color': '#7c3aed', 'border-width': 3 } },
  {
    selector: 'node.cert-alert',
    style: { 'background-color': '#fef3c7', 'border-color': '#b45309', 'border-width': 3 },
  },
  {
    selector: 'node:selected',
    style: { 'overlay-color': '#1d4ed8', 'overlay-opacity': 0.15, 'overlay-padding': 4 },
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'line-color': '#334155',
      'target-arrow-color': '#334155',
      label: 'data(label)',
      'font-size': 12,
      'font-family': FONT_STACK,
      'text-wrap': 'wrap',
      'text-max-width': '180px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      // Above the line, so a short edge's label does not hide the edge it names.
      'text-margin-y': -10,
    },
  },
  { selector: 'edge.possible, edge.inferred', style: { 'line-style': 'dotted' } },
  {
    selector: 'edge.finding',
    style: {
      'line-color': '#d97706',
      'target-arrow-color': '#d97706',
      color: '#92400e',
      'font-weight': 'bold',
    },
  },
  { selector: 'edge.abroad', style: { color: '#6d28d9' } },
  {
    selector: 'edge.undisclosed',
    style: {
      'line-color': RED,
      'target-arrow-color': RED,
      color: '#b91c1c',
      width: 3.5,
      'font-weight': 'bold',
    },
  },
  {
    selector: 'edge.stopped',
    style: {
      'line-color': GREY,
      'target-arrow-color': GREY,
      'line-style': 'dashed',
      color: '#4b5563',
    },
  },
  {
    selector: 'edge.stopped-path',
    style: { 'line-color': '#d1d5db', 'target-arrow-color': '#d1d5db', 'line-style': 'dashed' },
  },
];
