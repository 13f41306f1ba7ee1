import type { Entrustment, Source } from '../domain/model.js';
import type { NotificationPacket } from '../domain/notification-packets.js';
import { code, link, text } from './markdown.js';
import { PACKET_WORDS, type PacketWords } from './packet-words.js';

// A packet for a person: the unaware warning first and in bold, then why (each path, each hop with
// its sources as links), which data and how many records, the deadlines, and where it all comes from.

export function packetMarkdown(p: NotificationPacket, w: PacketWords = PACKET_WORDS.en): string {
  const period = (from?: string, to?: string) => `${from ?? w.open} → ${to ?? w.open}`;
  const count = (n: number | undefined) => (n === undefined ? w.unknown : w.number(n));
  const c = p.controller;
  const i = p.incident;
  const name = (id: string) => `${text(p.parties.get(id)?.name ?? id)} (${code(id)})`;
  const cite = (ids: string[]) => {
    const found = ids.map((id) => p.sources.get(id)).filter((s): s is Source => s !== undefined);
    return found.length === 0
      ? w.noneRecorded
      : found
          .map((s) => `${link(s.title ?? s.id, s.url)}${s.published ? ` (${s.published})` : ''}`)
          .join('; ');
  };
  const party = p.parties.get(c.party);
  const out: string[] = [`# ${w.title(name(c.party), code(i.id))}`, ''];

  if (!c.aware) {
    const hops = p.undisclosed
      .map((h) => `${code(h.id)} (${name(h.client)} → ${name(h.contractor)})`)
      .join(', ');
    out.push(`**${w.unaware(text(party?.name ?? c.party), hops)}**`, '');
  } else if (!p.clockStarted) {
    out.push(w.noDetection, '');
  }

  const contact = party?.contact;
  out.push(
    '| | |',
    '|---|---|',
    `| ${w.controller} | ${name(c.party)}${party?.country ? `, ${code(party.country)}` : ''} |`,
    `| ${w.contact} | ${contact ? [contact.email && `${w.email} ${code(contact.email)}`, contact.phone && `${w.phone} ${code(contact.phone)}`, contact.url && link(contact.url, contact.url)].filter(Boolean).join(' · ') : w.noContact} |`,
    `| ${w.incident} | ${code(i.id)}: ${w.kindAt(text(i.kind), name(i.party))} |`,
    `| ${w.window} | ${period(i.from, i.to)} |`,
    `| ${w.detectedAnnounced} | ${i.detected ?? w.unknown} · ${i.announced ?? w.unknown} |`,
    `| ${w.exposure} | ${w.exposureValue(c.exposure)} |`,
    `| ${w.told} | ${c.aware ? w.toldYes : w.toldNo} |`,
    '',
    `## ${w.why(c.pathCount, c.paths.length)}`,
    '',
  );
  c.paths.forEach((path, n) => {
    out.push(`### ${w.path(n + 1, path.exposure, path.aware)}`, '');
    path.hops.forEach((h: Entrustment, k) => {
      const how = k === 0 ? w.ownData(path.links[0] === 'declared') : w.performs(path.links[k]);
      out.push(
        `${k + 1}. ${name(h.client)} → ${name(h.contractor)}: ${code(h.id)}, ${period(h.from, h.to)}, ${how}, ${w.confidence(h.confidence)}${h.disclosed ? '' : `, ${w.notDisclosed}`}`,
        `   - ${w.sources}: ${cite(h.sources)}`,
      );
    });
    out.push('');
  });

  out.push(
    `## ${w.whichData}`,
    '',
    `- ${w.categories}: ${c.data.length > 0 ? c.data.map(code).join(', ') : w.categoriesUnknown}${c.dataKnown || c.data.length === 0 ? '' : w.possiblyMore}`,
    `- ${w.subjects}: ${c.subjects.length > 0 ? c.subjects.map(text).join(', ') : w.unknown}`,
    `- ${w.records}: ${w.recordsValue(c.records === undefined ? undefined : count(c.records), count(i.records))}`,
    '',
    `## ${w.deadlines}`,
    '',
  );
  if (p.obligations.length === 0)
    out.push(w.noRule(party?.country ? code(party.country) : undefined), '');
  for (const o of p.obligations) {
    out.push(
      `### ${o.law}: ${w.required(o.required)}${o.triggers.length > 0 ? ` (${o.triggers.join(', ')})` : ''}`,
      '',
      text(o.citation),
      '',
    );
    if (o.deadlines.length === 0) continue;
    out.push(w.deadlineHeader, '|---|---|---|');
    for (const d of o.deadlines)
      out.push(
        `| ${d.kind} | ${d.due ?? (c.aware ? w.noDateDetection : w.noDateUnaware)} | ${text(d.description)} |`,
      );
    out.push('');
  }
  out.push(`## ${w.incidentSources}`, '', cite(i.sources), '');
  return out.join('\n');
}
