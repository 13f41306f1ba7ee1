import type { Entrustment, Source } from '../domain/model.js';
import type { NotificationPacket } from '../domain/notification-packets.js';
import { code, link, text } from './markdown.js';

// A packet for a person: the unaware warning first and in bold, then why (each path, each hop with
// its sources as links), which data and how many records, the deadlines, and where it all comes from.

const period = (from?: string, to?: string) => `${from ?? 'open'} → ${to ?? 'open'}`;
const count = (n: number | undefined) => (n === undefined ? 'unknown' : n.toLocaleString('en-US'));

export function packetMarkdown(p: NotificationPacket): string {
  const c = p.controller;
  const i = p.incident;
  const name = (id: string) => `${text(p.parties.get(id)?.name ?? id)} (${code(id)})`;
  const cite = (ids: string[]) => {
    const found = ids.map((id) => p.sources.get(id)).filter((s): s is Source => s !== undefined);
    return found.length === 0
      ? 'none recorded'
      : found
          .map((s) => `${link(s.title ?? s.id, s.url)}${s.published ? ` (${s.published})` : ''}`)
          .join('; ');
  };
  const party = p.parties.get(c.party);
  const out: string[] = [`# ${name(c.party)}: affected by incident ${code(i.id)}`, ''];

  if (!c.aware) {
    const hops = p.undisclosed
      .map((h) => `${code(h.id)} (${name(h.client)} → ${name(h.contractor)})`)
      .join(', ');
    out.push(
      `**UNAWARE: ${text(party?.name ?? c.party)} has not been told of ${hops}, so nobody in the chain will tell it of this incident. No deadline dates: nobody will start its clock until someone tells it.**`,
      '',
    );
  } else if (!p.clockStarted) {
    out.push(
      'No deadline dates: the register records no detection date for this incident, and the clocks count from detection.',
      '',
    );
  }

  const contact = party?.contact;
  out.push(
    '| | |',
    '|---|---|',
    `| Controller | ${name(c.party)}${party?.country ? `, ${code(party.country)}` : ''} |`,
    `| Contact | ${contact ? [contact.email && `e-mail ${code(contact.email)}`, contact.phone && `phone ${code(contact.phone)}`, contact.url && link(contact.url, contact.url)].filter(Boolean).join(' · ') : 'none in the register'} |`,
    `| Incident | ${code(i.id)}: ${text(i.kind)} at ${name(i.party)} |`,
    `| Exposure window | ${period(i.from, i.to)} |`,
    `| Detected · announced | ${i.detected ?? 'unknown'} · ${i.announced ?? 'unknown'} |`,
    `| Exposure | ${c.exposure}${c.exposure === 'POSSIBLE' ? ' (some link is inferred, or some hop is alleged, inferred or lists no data)' : ''} |`,
    `| Told by the chain | ${c.aware ? 'yes: every hop of some path was disclosed to it' : '**no**'} |`,
    '',
    `## Why it is affected: ${c.pathCount === 1 ? '1 path' : `${c.pathCount} paths`}${c.paths.length < c.pathCount ? ` (the first ${c.paths.length} shown)` : ''}`,
    '',
  );
  c.paths.forEach((path, n) => {
    out.push(
      `### Path ${n + 1}: ${path.exposure}${path.aware ? '' : ', with an undisclosed hop'}`,
      '',
    );
    path.hops.forEach((h: Entrustment, k) => {
      const how =
        k === 0
          ? path.links[0] === 'declared'
            ? "the controller's own data"
            : "the controller's own data (inferred)"
          : `performs the hop above (${path.links[k]})`;
      out.push(
        `${k + 1}. ${name(h.client)} → ${name(h.contractor)}: ${code(h.id)}, ${period(h.from, h.to)}, ${how}, confidence ${h.confidence}${h.disclosed ? '' : ', **not disclosed to the controller**'}`,
        `   - sources: ${cite(h.sources)}`,
      );
    });
    out.push('');
  });

  out.push(
    '## Which data',
    '',
    `- categories: ${c.data.length > 0 ? c.data.map(code).join(', ') : 'unknown (no hop and no incident data lists any)'}${c.dataKnown || c.data.length === 0 ? '' : ' (some path lists no data: possibly more)'}`,
    `- data subjects: ${c.subjects.length > 0 ? c.subjects.map(text).join(', ') : 'unknown'}`,
    `- records: ${c.records === undefined ? 'unknown' : `up to ${count(c.records)}`} (per path, the smallest count known along it; the incident counts ${count(i.records)} in all)`,
    '',
    '## Breach-report deadlines',
    '',
  );
  if (p.obligations.length === 0)
    out.push(
      `No rule in vendor-chain binds a controller in ${party?.country ? code(party.country) : 'an unknown country'}.`,
      '',
    );
  for (const o of p.obligations) {
    out.push(
      `### ${o.law}: ${o.required ? 'report required' : 'no report required'}${o.triggers.length > 0 ? ` (${o.triggers.join(', ')})` : ''}`,
      '',
      text(o.citation),
      '',
    );
    if (o.deadlines.length === 0) continue;
    out.push('| deadline | due | rule |', '|---|---|---|');
    for (const d of o.deadlines)
      out.push(
        `| ${d.kind} | ${d.due ?? (c.aware ? 'no date: detection unknown' : '**no date: nobody will start its clock**')} | ${text(d.description)} |`,
      );
    out.push('');
  }
  out.push('## Sources of the incident', '', cite(i.sources), '');
  return out.join('\n');
}
