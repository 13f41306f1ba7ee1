import type { CertificationAlert, ChainAnswer, CrossBorderAnswer, Finding } from './answers.js';
import { node, partyLabel, period, type ViewEdge, type ViewGraph, type ViewNode } from './graph.js';
import { en, type Words } from './i18n/en.js';

/**
 * A controller's supply chain as a picture: the controller at the root, every party holding its
 * data by depth; findings as badges on their edges, foreign countries on hops and parties,
 * suspended or revoked certifications on their parties.
 */
export function buildChainGraph(
  chain: ChainAnswer,
  findings: Finding[],
  alerts: CertificationAlert[],
  crossBorder: CrossBorderAnswer | null,
  w: Words = en,
): ViewGraph {
  const home = chain.controller.country ?? crossBorder?.country ?? null;
  const alertsOf = new Map<string, string[]>();
  for (const a of alerts) {
    const words = `${w.scheme[a.scheme] ?? a.scheme} ${w.certStatus(a.status)}${a.since ? ` ${w.since(a.since)}` : ''}`;
    alertsOf.set(a.party.id, [...(alertsOf.get(a.party.id) ?? []), words]);
  }
  const nodes = new Map<string, ViewNode>();
  const c = chain.controller;
  nodes.set(
    c.id,
    node(
      c.id,
      `${c.name}\n${w.controllerTag}`,
      'controller',
      ['controller'],
      `${partyLabel(c)}: ${w.theController}${home ? ` (${home})` : ''}`,
    ),
  );
  for (const m of chain.members) {
    if (nodes.has(m.party.id)) continue;
    const abroad = home ? m.countries.filter((x) => x !== home) : [];
    const certs = alertsOf.get(m.party.id) ?? [];
    const lines = [
      m.party.name,
      `${w.depth(m.depth)}${abroad.length ? ` · ${w.abroad(abroad.join(', '))}` : ''}`,
      ...certs,
    ];
    const classes = [
      'party',
      ...(m.link === 'INFERRED' ? ['inferred'] : []),
      ...(abroad.length ? ['abroad'] : []),
      ...(certs.length ? ['cert-alert'] : []),
    ];
    const detail = `${partyLabel(m.party)}: ${w.depth(m.depth)}, ${w.link[m.link] ?? m.link}${m.countries.length ? `, ${w.dataIn(m.countries.join(', '))}` : ''}${certs.length ? `; ${certs.join('; ')}` : ''}`;
    nodes.set(m.party.id, node(m.party.id, lines.join('\n'), 'party', classes, detail));
  }

  const findingsOf = new Map<string, string[]>();
  for (const f of findings) {
    const badge = `${w.rule[f.rule] ?? f.rule}${f.inferred ? ` ${w.inferredTag}` : ''}`;
    const list = findingsOf.get(f.entrustment.id) ?? [];
    if (!list.includes(badge)) findingsOf.set(f.entrustment.id, [...list, badge]);
  }
  const foreign = new Map((crossBorder?.hops ?? []).map((h) => [h.entrustment.id, h]));

  const edges = new Map<string, ViewEdge>();
  for (const l of chain.links) {
    const e = l.entrustment;
    const declared =
      l.link === 'DECLARED' || edges.get(e.id)?.classes.includes('declared') === true;
    const badges = findingsOf.get(e.id) ?? [];
    const hop = foreign.get(e.id);
    const countries = hop ? [...new Set([...hop.stored, ...hop.accessed])] : [];
    const labels = [
      ...badges,
      ...(countries.length
        ? [`${w.abroad(countries.join(', '))}${hop?.missingBasis ? ` ${w.noBasis}` : ''}`]
        : []),
    ];
    const unknownLocation = hop?.locationUnknown === true;
    edges.set(e.id, {
      id: e.id,
      source: e.client.id,
      target: e.contractor.id,
      label: labels.join(' · '),
      classes: [
        declared ? 'declared' : 'inferred',
        ...(e.disclosed ? [] : ['undisclosed']),
        ...(badges.length ? ['finding'] : []),
        ...(countries.length ? ['abroad'] : []),
      ],
      detail: `${e.client.name} → ${e.contractor.name} (${e.id}), ${w.link[declared ? 'DECLARED' : 'INFERRED']}, ${w.depth(l.depth)}, ${period(e.from, e.to, w)}${labels.length ? `; ${labels.join('; ')}` : ''}${unknownLocation ? `; ${w.locationNotRecorded}` : ''}`,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], grouped: 0 };
}
