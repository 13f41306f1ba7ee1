// Layout of the one index database: every entry is a key [relation, target, recordId] with an empty
// value, so all records related to one target sit next to each other and a traversal reads one
// short key range per target, never a whole table.

export const RELATIONS = {
  /** entrustment by its contractor */
  into: 'into',
  /** entrustment by its client */
  from: 'from',
  /** entrustment by each upstream entrustment named in its `under` */
  under: 'under',
  /** incident by the party where it happened */
  incidentAt: 'incident-at',
  /** party by its corporate parent */
  parent: 'parent',
  /** service by its operator */
  operator: 'operator',
} as const;

export type Relation = (typeof RELATIONS)[keyof typeof RELATIONS];

export type IndexKey = [relation: Relation, target: string, recordId: string];

export function indexKey(relation: Relation, target: string, recordId: string): IndexKey {
  return [relation, target, recordId];
}

// Ids are [a-z0-9._-] (ASCII), so in lmdb's ordered-binary encoding any [relation, target, id]
// sorts below [relation, target, '\uffff'] and above [relation, target]; a neighbouring target
// such as `target.x` sorts after the end because the element delimiter (byte 30) is below '.'.
const AFTER_ANY_ID = '\uffff';

export function rangeOf(relation: Relation, target: string) {
  return { start: [relation, target], end: [relation, target, AFTER_ANY_ID] };
}
