import type { AffectedController, BlastRadiusAnswer } from '../model/answers.js';
import { buildBlastGraph } from '../model/blast-graph.js';
import { partyLabel, period } from '../model/graph.js';
import { BLAST_RADIUS, BREACH_OBLIGATIONS } from '../model/queries.js';
import { gql } from './api.js';
import { byId, h, sourceLink, status } from './dom.js';
import { draw, select } from './graph-view.js';
import { renderList } from './list-view.js';
import { refreshReportPicture, renderReport } from './report.js';
import { deadlineLines, pathLine, type Obligations } from '../model/words.js';

export interface LeakQuery {
  incident?: string;
  party?: string;
  from?: string;
  to?: string;
  data?: string[];
}

function controllerDetails(
  c: AffectedController,
  obligations: Obligations | undefined,
): HTMLElement {
  return h(
    'div',
    {},
    h('h2', {}, partyLabel(c.party)),
    h(
      'p',
      {},
      `${c.exposure}, ${c.aware ? 'aware' : 'UNAWARE: every path has an undisclosed hop'}; records ${c.records?.toLocaleString('en') ?? 'unknown'}; data: ${c.data.join(', ') || 'unknown'}`,
    ),
    h('h3', {}, 'Breach deadlines'),
    h(
      'ul',
      { class: 'deadlines' },
      ...deadlineLines(obligations, c.party.id).map((line) => h('li', {}, line)),
    ),
    h('h3', {}, `Paths (${c.paths.length} of ${c.pathCount})`),
    h(
      'ol',
      { class: 'paths' },
      ...c.paths.map((path) =>
        h(
          'li',
          {},
          h('p', {}, pathLine(path)),
          h(
            'ul',
            {},
            ...path.hops.map((hop) =>
              h(
                'li',
                {},
                `${hop.id} (${period(hop.from, hop.to)}${hop.disclosed ? '' : ', undisclosed'}) — sources: `,
                ...hop.sources.flatMap((s, i) => [i > 0 ? ', ' : '', sourceLink(s)]),
                hop.sources.length === 0 ? 'none recorded' : null,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export async function showBlastRadius(query: LeakQuery): Promise<void> {
  status('Asking for the blast radius…');
  const [{ blastRadius }, obligations] = await Promise.all([
    gql<{ blastRadius: BlastRadiusAnswer }>(BLAST_RADIUS, { ...query }),
    query.incident
      ? gql<{ breachObligations: Obligations }>(BREACH_OBLIGATIONS, {
          incident: query.incident,
        }).then((d) => d.breachObligations)
      : Promise.resolve(undefined),
  ]);
  const graph = buildBlastGraph(blastRadius);
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
  const title = `Blast radius of ${blastRadius.incident?.id ?? 'a leak'} at ${partyLabel(blastRadius.leakingParty)}, window ${period(blastRadius.from, blastRadius.to)}`;
  byId('view-title').textContent = title;
  const ms = draw(graph, name, onSelect);
  renderList(graph, onSelect);
  details.replaceChildren(
    h(
      'p',
      {},
      'Click a controller (or its entry in the list) for its paths, deadlines and sources.',
    ),
  );
  renderReport(title, blastRadius, obligations);
  refreshReportPicture();
  const truncated = blastRadius.truncated
    ? ' Some controllers have more paths than are counted: their paths are a sample.'
    : '';
  status(
    `${blastRadius.controllers.length} controllers exposed, ${blastRadius.unawareCount} unaware, ${blastRadius.notExposed.length} spared; laid out in ${Math.round(ms)} ms.${truncated}`,
  );
}
