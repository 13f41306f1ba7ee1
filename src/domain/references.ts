import type { Entrustment, Incident, Party, Source } from './model.js';
import type { RecordKind, Reference } from '../store/port.js';

// Which records a record names by id: what must stay while it does. The embedded store checks a
// removal with these; the Neo4j store follows the relationships drawn from the same fields.

type Target = { field: string; kind: RecordKind; id: string };

export function entrustmentTargets(e: Entrustment): Target[] {
  return [
    { field: 'client', kind: 'parties', id: e.client },
    { field: 'contractor', kind: 'parties', id: e.contractor },
    ...(e.under ?? []).map((id) => ({ field: 'under', kind: 'entrustments' as const, id })),
    ...e.approvedBy.map((id) => ({ field: 'approvedBy', kind: 'parties' as const, id })),
    ...e.sources.map((id) => ({ field: 'sources', kind: 'sources' as const, id })),
  ];
}

export function partyTargets(p: Party): Target[] {
  const targets: Target[] = [];
  if (p.parent !== undefined) targets.push({ field: 'parent', kind: 'parties', id: p.parent });
  if (p.operator !== undefined)
    targets.push({ field: 'operator', kind: 'parties', id: p.operator });
  for (const m of p.memberOf) targets.push({ field: 'memberOf', kind: 'parties', id: m.party });
  for (const id of p.sources) targets.push({ field: 'sources', kind: 'sources', id });
  for (const c of p.certifications)
    for (const id of c.sources)
      targets.push({ field: 'certifications.sources', kind: 'sources', id });
  return targets;
}

export function incidentTargets(i: Incident): Target[] {
  return [
    { field: 'party', kind: 'parties', id: i.party },
    ...i.sources.map((id) => ({ field: 'sources', kind: 'sources' as const, id })),
  ];
}

export const sourceTargets = (_s: Source): Target[] => [];

/** What `record` (of `kind`) names among `removing`, skipping references it makes to itself. */
export function referencesInto(
  kind: RecordKind,
  record: { id: string },
  targets: Target[],
  removing: ReadonlyMap<RecordKind, ReadonlySet<string>>,
): Reference[] {
  if (removing.get(kind)?.has(record.id)) return [];
  const found = new Map<string, Reference>();
  for (const t of targets) {
    if (!removing.get(t.kind)?.has(t.id)) continue;
    found.set(`${t.field}\u0000${t.kind}\u0000${t.id}`, {
      from: { kind, id: record.id },
      field: t.field,
      to: { kind: t.kind, id: t.id },
    });
  }
  return [...found.values()];
}

/** References in a stable order: by what would go, then by who refers to it. */
export function sortReferences(refs: Reference[]): Reference[] {
  const key = (r: Reference) =>
    `${r.to.kind}/${r.to.id}\u0000${r.from.kind}/${r.from.id}\u0000${r.field}`;
  return refs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
