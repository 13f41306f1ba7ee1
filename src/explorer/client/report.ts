import type { BlastRadiusAnswer } from '../model/answers.js';
import { partyLabel, period } from '../model/graph.js';
import { deadlineLines, pathLine, type Obligations } from '../model/words.js';
import { byId, h } from './dom.js';
import { pngDataUrl } from './graph-view.js';
import { w } from './lang.js';

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
        w.reportIntro(
          obligations?.detected ?? null,
          answer.controllers.length,
          answer.unawareCount,
        ),
      ),
      h('img', { id: 'report-graph', alt: w.reportPictureAlt }),
      ...answer.controllers.map((c) =>
        h(
          'section',
          { class: 'report-controller' },
          h(
            'h2',
            {},
            `${partyLabel(c.party)}${c.party.aka?.length ? ` · ${c.party.aka[0]}` : ''} — ${w.exposure[c.exposure] ?? c.exposure}${c.aware ? '' : `${w.listSep}${w.unawareTag}`}`,
          ),
          h('p', {}, w.reportData(c.data.join(', ') || w.dataUnknown, w.records(c.records))),
          h('h3', {}, w.pathsTerm),
          h('ul', {}, ...c.paths.map((p) => h('li', {}, pathLine(p, w)))),
          h('h3', {}, w.deadlinesTitle),
          h('ul', {}, ...deadlineLines(obligations, c.party.id, w).map((l) => h('li', {}, l))),
          h('h3', {}, w.sourcesTitle),
          h('ul', {}, ...sources(c).map((s) => h('li', {}, s))),
        ),
      ),
      answer.notExposed.length > 0
        ? h(
            'section',
            {},
            h('h2', {}, w.notExposedTitle),
            h(
              'ul',
              {},
              ...answer.notExposed.map((n) =>
                h(
                  'li',
                  {},
                  `${partyLabel(n.party)}: ${w.reasons[n.reason] ?? n.reason} — ${w.notExposedWhy(n, period(answer.from, answer.to, w), (x) => period(x.from, x.to, w))}`,
                ),
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
