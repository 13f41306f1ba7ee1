import type { Entrustment, Source } from '../domain/model.js';
import type { NotificationPacket } from '../domain/notification-packets.js';

// The JSON shape of one packet (README, "JSON output"): the GraphQL field names where they say
// the same thing (AffectedController, ExposurePath, Entrustment, Source, ControllerObligations),
// absent values as null, never missing keys, so a script can read every packet alike.

const sourceJson = (s: Source) => ({
  id: s.id,
  url: s.url ?? null,
  title: s.title ?? null,
  published: s.published ?? null,
  kind: s.kind,
});

export function packetJson(p: NotificationPacket) {
  const ref = (id: string) => ({ id, name: p.parties.get(id)?.name ?? null });
  const cited = (ids: string[]) =>
    ids
      .map((id) => p.sources.get(id))
      .filter((s): s is Source => s !== undefined)
      .map(sourceJson);
  const hop = (h: Entrustment) => ({
    id: h.id,
    client: ref(h.client),
    contractor: ref(h.contractor),
    from: h.from ?? null,
    to: h.to ?? null,
    data: h.data,
    records: h.records ?? null,
    disclosed: h.disclosed,
    confidence: h.confidence,
    sources: cited(h.sources),
  });
  const c = p.controller;
  const party = p.parties.get(c.party);
  const contact = party?.contact;
  const i = p.incident;
  return {
    incident: {
      id: i.id,
      party: ref(i.party),
      kind: i.kind,
      from: i.from ?? null,
      to: i.to ?? null,
      detected: i.detected ?? null,
      announced: i.announced ?? null,
      data: i.data,
      subjects: i.subjects,
      records: i.records ?? null,
      sources: cited(i.sources),
    },
    party: {
      ...ref(c.party),
      country: party?.country ?? null,
      contact: contact
        ? { email: contact.email ?? null, phone: contact.phone ?? null, url: contact.url ?? null }
        : null,
    },
    exposure: c.exposure,
    aware: c.aware,
    clockStarted: p.clockStarted,
    undisclosed: p.undisclosed.map((h) => ({
      id: h.id,
      client: ref(h.client),
      contractor: ref(h.contractor),
    })),
    data: c.data,
    dataKnown: c.dataKnown,
    subjects: c.subjects,
    records: c.records ?? null,
    pathCount: c.pathCount,
    paths: c.paths.map((path) => ({
      exposure: path.exposure,
      aware: path.aware,
      links: path.links,
      data: path.data,
      records: path.records ?? null,
      hops: path.hops.map(hop),
    })),
    obligations: p.obligations.map((o) => ({
      law: o.law,
      citation: o.citation,
      required: o.required,
      triggers: o.triggers,
      deadlines: o.deadlines.map((d) => ({ kind: d.kind, due: d.due, description: d.description })),
    })),
  };
}

export type PacketJson = ReturnType<typeof packetJson>;
