import { partyLabel } from '../model/graph.js';
import { CONCENTRATION, INCIDENT_REACH, OPEN_FINDINGS } from '../model/queries.js';
import { gql } from './api.js';
import { concentrationBars, type ConcentrationEntry } from './concentration-view.js';
import { byId, h, status } from './dom.js';
import { loadIncidents, type IncidentRow } from './incidents.js';
import { explorerHref, today, w } from './lang.js';

// The home answers "what needs attention now": incidents and who they reach, the controllers
// that do not know, open findings, breach-report deadlines, the most concentrated vendors.

const HOME_INCIDENTS = 12;

interface Reach {
  blastRadius: {
    unawareCount: number;
    controllers: { party: { id: string; name: string; kind: string }; aware: boolean }[];
  };
  breachObligations: {
    controllers: {
      party: { id: string };
      obligations: {
        law: string;
        required: boolean;
        deadlines: { kind: string; due: string | null }[];
      }[];
    }[];
  };
}

interface OpenFinding {
  rule: string;
  severity: string;
  inferred: boolean;
  entrustment: { id: string; client: { name: string }; contractor: { name: string } };
  upstream: { client: { id: string; name: string } };
}

const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];

const card = (id: string, title: string, ...body: (Node | string)[]) =>
  h(
    'section',
    { class: 'card', id, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    ...body,
  );

function incidentsCard(incidents: IncidentRow[], reach: Map<string, Reach | null>): HTMLElement {
  return card(
    'home-incidents',
    w.homeIncidents,
    h(
      'ol',
      { class: 'rows' },
      ...incidents.map((i) => {
        const r = reach.get(i.id);
        const counts = r
          ? w.reach(r.blastRadius.controllers.length, r.blastRadius.unawareCount)
          : w.reachUnknown;
        return h(
          'li',
          { 'data-id': i.id, class: r && r.blastRadius.unawareCount > 0 ? 'has-unaware' : '' },
          h('a', { href: explorerHref({ incident: i.id }) }, `${i.party.name} — ${i.id}`),
          h(
            'span',
            { class: 'meta' },
            `${i.from ?? i.detected ?? w.datesUnknown} · ${w.kind(i.kind)}`,
          ),
          h('span', { class: 'count' }, counts),
        );
      }),
    ),
  );
}

function unawareCard(incidents: IncidentRow[], reach: Map<string, Reach | null>): HTMLElement {
  const rows = incidents.flatMap((i) =>
    (reach.get(i.id)?.blastRadius.controllers ?? [])
      .filter((c) => !c.aware)
      .map((c) => ({ incident: i, party: c.party })),
  );
  return card(
    'home-unaware',
    w.homeUnaware(rows.length),
    rows.length === 0
      ? h('p', {}, w.noneNow)
      : h(
          'ul',
          { class: 'rows' },
          ...rows.map((r) =>
            h(
              'li',
              {},
              h('a', { href: explorerHref({ incident: r.incident.id }) }, partyLabel(r.party)),
              h('span', { class: 'meta' }, w.unawareOf(r.incident.id, r.incident.party.name)),
            ),
          ),
        ),
  );
}

function deadlinesCard(
  incidents: IncidentRow[],
  reach: Map<string, Reach | null>,
  names: Map<string, string>,
  now: string,
): HTMLElement {
  const rows = incidents
    .flatMap((i) =>
      (reach.get(i.id)?.breachObligations.controllers ?? []).flatMap((c) =>
        c.obligations
          .filter((o) => o.required)
          .flatMap((o) =>
            o.deadlines
              .filter((d) => d.due)
              .map((d) => ({
                incident: i,
                party: c.party.id,
                law: o.law,
                kind: d.kind,
                due: d.due!,
              })),
          ),
      ),
    )
    .sort((a, b) => b.due.localeCompare(a.due))
    .slice(0, 8);
  return card(
    'home-deadlines',
    w.homeDeadlines,
    rows.length === 0
      ? h('p', {}, w.noneNow)
      : h(
          'ul',
          { class: 'rows' },
          ...rows.map((r) =>
            h(
              'li',
              { class: r.due < now ? 'passed' : 'due' },
              h(
                'a',
                { href: explorerHref({ incident: r.incident.id }) },
                `${names.get(r.party) ?? r.party} — ${r.law} ${r.kind}`,
              ),
              h('span', { class: 'meta' }, `${r.due} · ${r.due < now ? w.passed : w.due}`),
            ),
          ),
        ),
  );
}

function findingsCard(findings: OpenFinding[]): HTMLElement {
  return card(
    'home-findings',
    w.homeFindings(findings.length),
    h(
      'dl',
      { class: 'facts severities' },
      ...SEVERITIES.flatMap((s) => [
        h('dt', {}, w.severity[s]),
        h('dd', {}, w.number(findings.filter((f) => f.severity === s).length)),
      ]),
    ),
    h(
      'ul',
      { class: 'rows' },
      ...findings
        .slice(0, 8)
        .map((f) =>
          h(
            'li',
            { class: `sev-${f.severity.toLowerCase()}` },
            h(
              'a',
              { href: explorerHref({ controller: f.upstream.client.id }) },
              `${f.entrustment.client.name} → ${f.entrustment.contractor.name}`,
            ),
            h(
              'span',
              { class: 'meta' },
              `${w.severity[f.severity] ?? f.severity} · ${w.rule[f.rule] ?? f.rule}${f.inferred ? ` ${w.inferredTag}` : ''}`,
            ),
          ),
        ),
    ),
  );
}

export async function showHome(): Promise<void> {
  status(w.askingHome);
  const now = today();
  const section = byId('home');
  section.hidden = false;
  const [incidents, { redelegationFindings }, { concentration }] = await Promise.all([
    loadIncidents(),
    gql<{ redelegationFindings: OpenFinding[] }>(OPEN_FINDINGS, { asOf: now }),
    gql<{ concentration: ConcentrationEntry[] }>(CONCENTRATION, { asOf: now, first: 8 }),
  ]);
  const shown = incidents.slice(0, HOME_INCIDENTS);
  const reach = new Map<string, Reach | null>(
    await Promise.all(
      shown.map((i) =>
        gql<Reach>(INCIDENT_REACH, { incident: i.id }).then(
          (r): [string, Reach | null] => [i.id, r],
          (): [string, Reach | null] => [i.id, null],
        ),
      ),
    ),
  );
  const names = new Map<string, string>();
  for (const r of reach.values())
    for (const c of r?.blastRadius.controllers ?? []) names.set(c.party.id, c.party.name);
  section.replaceChildren(
    h('h2', { id: 'home-title' }, w.homeTitle(now)),
    h(
      'div',
      { class: 'cards' },
      incidentsCard(shown, reach),
      unawareCard(shown, reach),
      deadlinesCard(shown, reach, names, now),
      findingsCard(redelegationFindings),
      card(
        'home-concentration',
        w.homeConcentration(now),
        concentrationBars(concentration, now),
        h('a', { href: explorerHref({ view: 'concentration' }) }, w.moreConcentration),
      ),
    ),
  );
  status(w.homeStatus(incidents.length, shown.length));
}
