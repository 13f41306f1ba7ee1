import type { BlastRadiusAnswer } from '../model/answers.js';
import { partyLabel } from '../model/graph.js';
import { byId, h } from './dom.js';
import { pngDataUrl } from './graph-view.js';
import { deadlineLines, pathLine, type Obligations } from '../model/words.js';

/**
 * The printable incident report (shown only in print, see the print stylesheet): per controller
 * its exposure, paths, data, deadlines and sources, with the picture at the time of printing.
 */
export function renderReport(
  title: string,
  answer: BlastRadiusAnswer,
  obligations: Obligations | undefined,
): void {
  const sources = (c: BlastRadiusAnswer['controllers'][number]) => {
    const seen = new Map<string, string>();
    for (const path of c.paths)
      for (const hop of path.hops)
        for (const s of hop.sources)
          seen.set(s.id, `${s.title ?? s.id}${s.url ? ` <${s.url}>` : ''}`);
    return [...seen.values()];
  };
  const report = byId('report');
  report.replaceChildren(
    ...[
      h('h1', {}, title),
      h(
        'p',
        {},
        `Detected: ${obligations?.detected ?? 'not recorded'}. ${answer.controllers.length} controllers exposed, ${answer.unawareCount} of them unaware.`,
      ),
      h('img', { id: 'report-graph', alt: 'The blast radius as a graph' }),
      ...answer.controllers.map((c) =>
        h(
          'section',
          { class: 'report-controller' },
          h('h2', {}, `${partyLabel(c.party)} — ${c.exposure}${c.aware ? '' : ', UNAWARE'}`),
          h(
            'p',
            {},
            `Data: ${c.data.join(', ') || 'unknown'}. Records: ${c.records?.toLocaleString('en') ?? 'unknown'}.`,
          ),
          h('h3', {}, 'Paths'),
          h('ul', {}, ...c.paths.map((p) => h('li', {}, pathLine(p)))),
          h('h3', {}, 'Deadlines'),
          h('ul', {}, ...deadlineLines(obligations, c.party.id).map((l) => h('li', {}, l))),
          h('h3', {}, 'Sources'),
          h('ul', {}, ...sources(c).map((s) => h('li', {}, s))),
        ),
      ),
      answer.notExposed.length > 0
        ? h(
            'section',
            {},
            h('h2', {}, 'Not exposed'),
            h(
              'ul',
              {},
              ...answer.notExposed.map((n) =>
                h('li', {}, `${partyLabel(n.party)}: ${n.reason} — ${n.detail}`),
              ),
            ),
          )
        : null,
    ].filter((x): x is NonNullable<typeof x> => x !== null),
  );
}

/** The picture in the report: set when drawn, and again when printing starts (the user may have moved nodes). */
export function refreshReportPicture(): void {
  const img = document.getElementById('report-graph') as HTMLImageElement | null;
  const url = img ? pngDataUrl() : null;
  if (img && url) img.src = url;
}

export function installPrintHook(): void {
  window.addEventListener('beforeprint', refreshReportPicture);
}
