import type { Entrustment, Incident, Party } from '../../domain/model.js';
import { indexKey, RELATIONS, type IndexKey } from './keys.js';

// The index entries one record owns. A write removes the entries of the record it replaces and
// adds these, so the index never points at a relation the stored record no longer has.

export function entrustmentIndexKeys(e: Entrustment): IndexKey[] {
  const keys = [
    indexKey(RELATIONS.into, e.contractor, e.id),
    indexKey(RELATIONS.from, e.client, e.id),
  ];
  for (const upstream of new Set(e.under ?? []))
    keys.push(indexKey(RELATIONS.under, upstream, e.id));
  return keys;
}

export function incidentIndexKeys(i: Incident): IndexKey[] {
  return [indexKey(RELATIONS.incidentAt, i.party, i.id)];
}

export function partyIndexKeys(p: Party): IndexKey[] {
  const keys: IndexKey[] = [];
  if (p.parent !== undefined) keys.push(indexKey(RELATIONS.parent, p.parent, p.id));
  // Indexed by operator only when it is a service: the port answers "services operated by".
  if (p.operator !== undefined && p.kind === 'service')
    keys.push(indexKey(RELATIONS.operator, p.operator, p.id));
  return keys;
}

export function noIndexKeys(): IndexKey[] {
  return [];
}
