import type { AffectedController, BlastRadiusAnswer } from '../model/answers.js';
import { buildBlastGraph, GROUP_ABOVE } from '../model/blast-graph.js';
import { partyLabel, period } from '../model/graph.js';
import { BLAST_RADIUS, BREACH_OBLIGATIONS } from '../model/queries.js';
import { deadlineLines, pathLine, type Obligations } from '../model/words.js';
import { gql } from './api.js';
import { byId, h, sourceLink, status } from './dom.js';
import { draw, select } from './graph-view.js';
import { w } from './lang.js';
import { renderList } from './list-view.js';
import { refreshReportPicture, renderReport } from './report.js';

export interface LeakQuery {
  incident?: string;
  party?: string;
  from?: string;
  to?: string;
  data?: string[];
}

/** A controller's details, in blocks: its state, its deadlines, then each path with its hops. */
function controllerDetails(
  c: AffectedController,
  obligations: Obligations | undefined,
): HTMLElement {
  const facts: [string, string][] = [
    [w.exposureTerm, w.exposure[c.exposure] ?? c.exposure],
    [w.toldTerm, c.aware ? w.aware : w.unawareWhy],
    [w.recordsTerm, w.records(c.records)],
    [w.dataTerm, c.data.join(', ') || w.dataUnknown],
  ];
  return h(
    'div',
    {},
    h('h2', {}, partyLabel(c.party)),
    c.party.aka?.length ? h('p', { class: 'aka' }, c.party.aka.join(' · ')) : null,
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h3', {}, w.deadlinesTitle),
    h(
      'ul',
      { class: 'deadlines' },
      ...deadlineLines(obligations, c.party.id, w).map((line) => h('li', {}, line)),
    ),
    h('h3', {}, w.pathsTitle(c.paths.length, c.pathCount)),
    h(
      'ol',
      { class: 'paths' },
      ...c.paths.map((path) =>
        h(
          'li',
          {},
          h('p', { class: 'path-line' }, pathLine(path, w)),
          h(
            'ul',
            {},
            ...path.hops.map((hop) =>
              h(
                'li',
                {},
                `${hop.id} (${period(hop.from, hop.to, w)}${hop.disclosed ? '' : `, ${w.undisclosedLabel}`}) — ${w.sourcesTerm}: `,
                ...hop.sources.flatMap((s, i) => [i > 0 ? ', ' : '', sourceLink(s)]),
                hop.sources.length === 0 ? w.noSources : null,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export async function showBlastRadius(query: LeakQuery): Promise<void> {
  status(w.askingBlast);
  const [{ blastRadius }, obligations] = await Promise.all([
    gql<{ blastRadius: BlastRadiusAnswer }>(BLAST_RADIUS, { ...query }),
    query.incident
      ? gql<{ breachObligations: Obligations }>(BREACH_OBLIGATIONS, {
          incident: query.incident,
        }).then((d) => d.breachObligations)
      : Promise.resolve(undefined),
  ]);
  const graph = buildBlastGraph(blastRadius, GROUP_ABOVE, w);
  const byParty = new Map(blastRadius.controllers.map((c) => [c.party.id, c]));
  const details = byId('details');
  const onSelect = (id: string) => {
    select(id);
    const controller = byParty.get(id);
    const element = graph.nodes.find((n) => n.id === id) ?? graph.edges.find((e) => e.id === id);
    details.replaceChildren(
      controller ? controllerDetails(controller, obligations) : h('p', {}, element?.detail ?? id),
    );
  };
  const name = blastRadius.incident
    ? `blast-radius-${blastRadius.incident.id}`
    : `blast-radius-${blastRadius.leakingParty.id}`;
  const title = w.blastTitle(
    blastRadius.incident?.id ?? null,
    partyLabel(blastRadius.leakingParty),
    period(blastRadius.from, blastRadius.to, w),
  );
  byId('view-title').textContent = title;
  draw(graph, name, onSelect);
  renderList(graph, onSelect);
  details.replaceChildren(
    h(
      'p',
      { class: 'summary' },
      w.blastSummary(
        blastRadius.controllers.length,
        blastRadius.unawareCount,
        blastRadius.notExposed.length,
      ),
    ),
    h('p', {}, w.clickController),
  );
  renderReport(title, blastRadius, obligations);
  refreshReportPicture();
  status(
    `${w.blastSummary(blastRadius.controllers.length, blastRadius.unawareCount, blastRadius.notExposed.length)}${blastRadius.truncated ? ` ${w.truncated}` : ''}`,
  );
}
