import { incidentWhen, partyLabel } from '../model/graph.js';
import { OVERVIEW, UNAWARE_OF } from '../model/queries.js';
import { gql } from './api.js';
import { concentrationBars, type ConcentrationEntry } from './concentration-view.js';
import { byId, h, status } from './dom.js';
import { explorerHref, today, w } from './lang.js';

// The home answers "what needs attention now" from one overview: incidents and who they reach,
// the controllers that do not know, breach-report deadlines, open findings, certification
// alerts, the most concentrated vendors. Every row links to its picture.

type PartyRef = { id: string; name: string; kind: string };

export interface Overview {
  asOf: string;
  incidentCount: number;
  incidents: {
    incident: {
      id: string;
      kind: string;
      party: PartyRef;
      from: string | null;
      to: string | null;
      announced: string | null;
    };
    date: string | null;
    records: number | null;
    controllers: number;
    unaware: number;
    truncated: boolean;
  }[];
  findings: {
    total: number;
    byRule: { rule: string; severity: string; count: number; inferred: number }[];
  };
  deadlines: {
    incident: { id: string };
    controller: PartyRef;
    law: string;
    kind: string;
    due: string;
    state: 'DUE_SOON' | 'PASSED';
    daysLeft: number;
  }[];
  certificationAlerts: {
    party: PartyRef;
    scheme: string;
    status: string;
    since: string | null;
    controllers: number;
  }[];
  concentration: ConcentrationEntry[];
}

const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];

const card = (id: string, title: string, ...body: (Node | string | null)[]) =>
  h(
    'section',
    { class: 'card', id, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    ...body,
  );

const rows = <T>(items: T[], row: (item: T) => HTMLElement) =>
  items.length === 0 ? h('p', {}, w.noneNow) : h('ul', { class: 'rows' }, ...items.map(row));

/** The first few incidents in view; the rest of the overview's newest behind one click. */
const FIRST_INCIDENTS = 6;

function incidentRow(i: Overview['incidents'][number]): HTMLElement {
  return h(
    'li',
    { 'data-id': i.incident.id, class: i.unaware > 0 ? 'has-unaware' : '' },
    h(
      'a',
      { href: explorerHref({ incident: i.incident.id }) },
      `${i.incident.party.name} — ${i.incident.id}`,
    ),
    h(
      'span',
      { class: 'meta' },
      `${incidentWhen(i.date, i.incident, w)} · ${w.kind(i.incident.kind)} · ${w.records(i.records)}`,
    ),
    h('span', { class: 'count' }, w.reach(i.controllers, i.unaware)),
  );
}

function incidentsCard(o: Overview): HTMLElement {
  // Those that reach an unaware controller first: they are the ones to act on.
  const ordered = [
    ...o.incidents.filter((i) => i.unaware > 0),
    ...o.incidents.filter((i) => i.unaware === 0),
  ];
  const first = ordered.slice(0, FIRST_INCIDENTS);
  const rest = ordered.slice(FIRST_INCIDENTS);
  return card(
    'home-incidents',
    w.homeIncidents(o.incidentCount),
    rows(first, incidentRow),
    rest.length > 0
      ? h(
          'details',
          {},
          h('summary', {}, w.moreIncidents(rest.length)),
          h('ul', { class: 'rows' }, ...rest.map(incidentRow)),
        )
      : null,
  );
}

function unawareCard(unaware: { incident: string; leak: string; party: PartyRef }[]): HTMLElement {
  return card(
    'home-unaware',
    w.homeUnaware(unaware.length),
    rows(unaware, (r) =>
      h(
        'li',
        {},
        h('a', { href: explorerHref({ incident: r.incident }) }, partyLabel(r.party)),
        h('span', { class: 'meta' }, w.unawareOf(r.incident, r.leak)),
      ),
    ),
  );
}

function deadlinesCard(o: Overview): HTMLElement {
  return card(
    'home-deadlines',
    w.homeDeadlines,
    rows(o.deadlines, (d) =>
      h(
        'li',
        { class: d.state === 'PASSED' ? 'passed' : 'due' },
        h(
          'a',
          { href: explorerHref({ incident: d.incident.id }) },
          `${d.controller.name} — ${d.law} ${w.deadlineKind(d.kind)}`,
        ),
        h('span', { class: 'meta' }, `${d.due} · ${w.daysLeft(d.daysLeft)}`),
      ),
    ),
  );
}

function findingsCard(o: Overview): HTMLElement {
  const bySeverity = (s: string) =>
    o.findings.byRule.filter((r) => r.severity === s).reduce((sum, r) => sum + r.count, 0);
  return card(
    'home-findings',
    w.homeFindings(o.findings.total),
    h(
      'dl',
      { class: 'facts severities' },
      ...SEVERITIES.flatMap((s) => [
        h('dt', {}, w.severity[s]),
        h('dd', {}, w.number(bySeverity(s))),
      ]),
    ),
    rows(o.findings.byRule, (r) =>
      h(
        'li',
        { class: `sev-${r.severity.toLowerCase()}` },
        h('span', {}, `${w.rule[r.rule] ?? r.rule}`),
        h(
          'span',
          { class: 'meta' },
          `${w.severity[r.severity] ?? r.severity}${r.inferred ? ` · ${w.inferredCount(r.inferred)}` : ''}`,
        ),
        h('span', { class: 'count' }, w.number(r.count)),
      ),
    ),
  );
}

function certificationsCard(o: Overview): HTMLElement {
  return card(
    'home-certifications',
    w.homeCertifications(o.certificationAlerts.length),
    rows(o.certificationAlerts, (a) =>
      h(
        'li',
        {},
        h('a', { href: explorerHref({ party: a.party.id }) }, partyLabel(a.party)),
        h(
          'span',
          { class: 'meta' },
          `${w.scheme[a.scheme] ?? a.scheme} ${w.certStatus(a.status)}${a.since ? ` ${w.since(a.since)}` : ''}`,
        ),
        h('span', { class: 'count' }, w.holdsFor(a.controllers)),
      ),
    ),
  );
}

/** The unaware controllers of the incidents that have any, by name. */
async function unawareControllers(o: Overview) {
  const withUnaware = o.incidents.filter((i) => i.unaware > 0);
  const answers = await Promise.all(
    withUnaware.map((i) =>
      gql<{ blastRadius: { controllers: { party: PartyRef; aware: boolean }[] } }>(UNAWARE_OF, {
        incident: i.incident.id,
      }),
    ),
  );
  return answers.flatMap((a, k) =>
    a.blastRadius.controllers
      .filter((c) => !c.aware)
      .map((c) => ({
        incident: withUnaware[k].incident.id,
        leak: withUnaware[k].incident.party.name,
        party: c.party,
      })),
  );
}

export async function showHome(): Promise<void> {
  status(w.askingHome);
  const { overview } = await gql<{ overview: Overview }>(OVERVIEW, { asOf: today() });
  const unaware = await unawareControllers(overview);
  byId('incident-options').replaceChildren(
    ...overview.incidents.map((i) =>
      h('option', { value: i.incident.id, label: `${i.incident.party.name} · ${i.date ?? ''}` }),
    ),
  );
  const section = byId('home');
  section.hidden = false;
  section.replaceChildren(
    h('h2', { id: 'home-title' }, w.homeTitle(overview.asOf)),
    h(
      'div',
      { class: 'cards' },
      incidentsCard(overview),
      unawareCard(unaware),
      deadlinesCard(overview),
      findingsCard(overview),
      certificationsCard(overview),
      card(
        'home-concentration',
        w.homeConcentration(overview.asOf),
        concentrationBars(overview.concentration, overview.asOf),
        h('a', { href: explorerHref({ view: 'concentration' }) }, w.moreConcentration),
      ),
    ),
  );
  status(w.homeStatus(overview.incidentCount, overview.incidents.length));
}
