import { en, type Words } from './i18n/en.js';

// The picture as plain data: the page hands it to Cytoscape and to the accessible list, the
// bench lays it out in Node. No DOM here.

export type NodeKind = 'leak' | 'controller' | 'party' | 'spared' | 'group';

export interface ViewNode {
  id: string;
  /** Shown on the node; lines separated by \n. */
  label: string;
  kind: NodeKind;
  /** Cytoscape classes, e.g. confirmed, possible, unaware, cert-alert, abroad. */
  classes: string[];
  /** One line for the list and the hover text. */
  detail: string;
  /** Box size in px, from the label (Cytoscape in Node cannot measure text). */
  width: number;
  height: number;
  /** A group node: the names of the controllers it stands for. */
  members?: string[];
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  classes: string[];
  detail: string;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** How many controllers are drawn inside group nodes. */
  grouped: number;
}

// CJK and other wide characters take about twice the width of Latin ones.
export const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function labelSize(label: string): { width: number; height: number } {
  const lines = label.split('\n');
  const widest = Math.max(
    ...lines.map((line) => [...line].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1.1), 0)),
  );
  // At the page's 14 px: about 7.5 px for a Latin character, 15 for a wide one.
  return { width: Math.round(Math.max(64, widest * 7.5 + 20)), height: 18 * lines.length + 14 };
}

export function node(
  id: string,
  label: string,
  kind: NodeKind,
  classes: string[],
  detail: string,
): ViewNode {
  return { id, label, kind, classes, detail, ...labelSize(label) };
}

/** A period in words: "2014-10-01 → open" (an open end is said, not elided), or "dates unknown". */
export function period(
  from: string | null,
  to: string | null,
  w: Pick<Words, 'open' | 'openStart' | 'datesUnknown'> = en,
): string {
  if (!from && !to) return w.datesUnknown;
  return `${from ?? w.openStart} → ${to ?? w.open}`;
}

/**
 * When an incident happened, in words: the day the overview dates it by (detected, else the start
 * of its window); else its window, even one known only by its end ("open → 2014-09-25", as many
 * notices give only the day a leak was stopped); else the day it was announced; else "dates unknown".
 */
export function incidentWhen(
  date: string | null,
  incident: { from: string | null; to: string | null; announced: string | null },
  w: Pick<Words, 'open' | 'openStart' | 'datesUnknown' | 'announcedOn'> = en,
): string {
  if (date) return date;
  if (incident.from || incident.to) return period(incident.from, incident.to, w);
  return incident.announced ? w.announcedOn(incident.announced) : w.datesUnknown;
}

/**
 * An edge's state in the list beside the picture: its classes' words, then its label, each said
 * once (an undisclosed hop of a blast radius is both class and label).
 */
export const edgeTags = (
  e: { classes: string[]; label: string },
  w: Pick<Words, 'edgeClass'> = en,
): string =>
  [...new Set([...e.classes.map((c) => w.edgeClass[c] ?? c), e.label])].filter(Boolean).join(', ');

export const partyLabel = (p: { id: string; name: string }) =>
  p.name === p.id ? p.id : `${p.name} (${p.id})`;

export interface PartyLabelled {
  id: string;
  name: string;
}
