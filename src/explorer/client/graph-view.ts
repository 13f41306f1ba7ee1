import cytoscape, { type Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';
import { layoutFor, toElements } from '../model/elements.js';
import type { ViewGraph } from '../model/graph.js';
import { byId } from './dom.js';
import { STYLE } from './cy-style.js';

cytoscape.use(dagre);
cytoscape.use(svg);

let cy: Core | undefined;
const MIN_READABLE_ZOOM = 0.8;
const MAX_FIT_ZOOM = 1.2;
let title = 'vendor-chain';

/** Draws the graph, left (controllers) to right (where the data ends up); returns the layout time. */
export function draw(graph: ViewGraph, name: string, onSelect: (id: string) => void): number {
  title = name;
  cy?.destroy();
  const container = byId('cy');
  container.setAttribute('data-state', 'laying-out');
  const started = performance.now();
  cy = cytoscape({
    container,
    elements: toElements(graph),
    style: STYLE,
    layout: layoutFor(graph) as unknown as cytoscape.LayoutOptions,
  });
  const ms = performance.now() - started;
  // Fitting a wide graph into a small window shrinks its labels below reading size: keep them at
  // about 11 px or more and let the reader pan (the list beside it holds every node anyway).
  // A small graph is not blown up either: three nodes at 200% read as a poster.
  const level = Math.min(MAX_FIT_ZOOM, Math.max(MIN_READABLE_ZOOM, cy.zoom()));
  if (level !== cy.zoom())
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  container.setAttribute('data-state', 'ready');
  // There is something to export (and, for a blast radius, to print) only once a graph is drawn.
  document.querySelector<HTMLElement>('.toolbar')!.hidden = false;
  container.setAttribute('data-layout-ms', String(Math.round(ms)));
  const tip = byId('tooltip');
  cy.on('mouseover', 'node, edge', (event) => {
    const { x, y } = event.renderedPosition;
    tip.textContent = event.target.data('detail');
    tip.style.left = `${x + 14}px`;
    tip.style.top = `${y + 14}px`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node, edge', () => {
    tip.hidden = true;
  });
  cy.on('tap', 'node', (event) => onSelect(event.target.id()));
  return ms;
}

// What is drawn, read from Cytoscape itself: the browser test checks the picture, not only the list.
(window as unknown as { explorerGraph: () => unknown }).explorerGraph = () => ({
  nodes: cy?.nodes().map((n) => n.id()) ?? [],
  undisclosed: cy?.edges('.undisclosed').map((e) => e.id()) ?? [],
  labels: Object.fromEntries(cy?.edges().map((e) => [e.id(), e.data('label')]) ?? []),
  animating: cy?.animated() ?? false,
  inView:
    cy
      ?.nodes()
      .filter((n) => inView(n.renderedBoundingBox()))
      .map((n) => n.id()) ?? [],
});

(window as unknown as { explorerZoom: () => number }).explorerZoom = () => cy?.zoom() ?? 0;

function inView(box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  return !!cy && box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
}

/** No graph: nothing to export, nothing to list. */
export function clearGraph(): void {
  cy?.destroy();
  cy = undefined;
  document.querySelector<HTMLElement>('.toolbar')!.hidden = true;
  byId('cy').removeAttribute('data-state');
  byId('list').replaceChildren();
  byId('details').replaceChildren();
  byId('timeline').replaceChildren();
}

export function select(id: string): void {
  if (!cy) return;
  cy.$(':selected').unselect();
  const el = cy.getElementById(id);
  el.select();
  // Pan only when the element is off screen: centring a visible node pushed the leak out of view.
  if (el.nonempty() && !inView(el.renderedBoundingBox()))
    cy.animate({ center: { eles: el } }, { duration: 200 });
}

export function pngDataUrl(): string | null {
  return cy ? cy.png({ full: true, scale: 1.5, bg: '#ffffff' }) : null;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (ext: string) => `${title.replace(/[^\p{L}\p{N}_.-]+/gu, '-')}.${ext}`;

export function exportPng(): void {
  if (cy)
    download(fileName('png'), cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }));
}

export function exportSvg(): void {
  if (cy)
    download(
      fileName('svg'),
      new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }),
    );
}
