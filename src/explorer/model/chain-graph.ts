import type { CertificationAlert, ChainAnswer, CrossBorderAnswer, Finding } from './answers.js';
import { node, partyLabel, period, type ViewEdge, type ViewGraph, type ViewNode } from './graph.js';

const SCHEME: Record<string, string> = { 'privacy-mark': 'Privacy Mark', isms: 'ISMS' };

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
): ViewGraph {
  const home = chain.controller.country ?? crossBorder?.country ?? null;
  const alertsOf = new Map<string, string[]>();
  for (const a of alerts) {
    const words = `${SCHEME[a.scheme] ?? a.scheme} ${a.status.toUpperCase()}${a.since ? ` since ${a.since}` : ''}`;
    alertsOf.set(a.party.id, [...(alertsOf.get(a.party.id) ?? []), words]);
  }
  const nodes = new Map<string, ViewNode>();
  const c = chain.controller;
  nodes.set(
    c.id,
    node(
      c.id,
      `${c.name}\ncontroller`,
      'controller',
      ['controller'],
      `${partyLabel(c)}: the controller${home ? ` (${home})` : ''}`,
    ),
  );
  for (const m of chain.members) {
    if (nodes.has(m.party.id)) continue;
    const abroad = home ? m.countries.filter((x) => x !== home) : [];
    const certs = alertsOf.get(m.party.id) ?? [];
    const lines = [
      m.party.name,
      `depth ${m.depth}${abroad.length ? ` · abroad: ${abroad.join(', ')}` : ''}`,
      ...certs,
    ];
    const classes = [
      'party',
      ...(m.link === 'INFERRED' ? ['inferred'] : []),
      ...(abroad.length ? ['abroad'] : []),
      ...(certs.length ? ['cert-alert'] : []),
    ];
    const detail = `${partyLabel(m.party)}: depth ${m.depth}, ${m.link.toLowerCase()}${m.countries.length ? `, data in ${m.countries.join(', ')}` : ''}${certs.length ? `; ${certs.join('; ')}` : ''}`;
    nodes.set(m.party.id, node(m.party.id, lines.join('\n'), 'party', classes, detail));
  }

  const findingsOf = new Map<string, string[]>();
  for (const f of findings) {
    const badge = `${f.rule}${f.inferred ? ' (inferred)' : ''}`;
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
        ? [`abroad: ${countries.join(', ')}${hop?.missingBasis ? ' (no basis)' : ''}`]
        : []),
    ];
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
      detail: `${e.client.name} → ${e.contractor.name} (${e.id}), ${declared ? 'declared' : 'inferred'}, depth ${l.depth}, ${period(e.from, e.to)}${labels.length ? `; ${labels.join('; ')}` : ''}`,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], grouped: 0 };
}
