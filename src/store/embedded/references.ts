import {
  entrustmentTargets,
  incidentTargets,
  partyTargets,
  referencesInto,
  sortReferences,
} from '../../domain/references.js';
import type { Entrustment, Incident, Party } from '../../domain/model.js';
import type { RecordKind, Reference, RemoveIds } from '../port.js';
import { RELATIONS } from './keys.js';
import { readRelated } from './reads.js';
import type { Tables } from './tables.js';

/**
 * The records that refer to what `ids` would remove and are not removed with it. Only `under`
 * is indexed, so a removal of entrustments alone reads the index; parties and sources are named
 * by fields no index keeps (approvals, memberships, citations), so their removal reads every
 * record once: removals are rare corrections, and this keeps no second index to go stale.
 */
export function referencesTo(tables: Tables, ids: RemoveIds): Reference[] {
  const removing = new Map<RecordKind, ReadonlySet<string>>(
    (['sources', 'parties', 'entrustments', 'incidents'] as const).map((k) => [
      k,
      new Set(ids[k] ?? []),
    ]),
  );
  const found: Reference[] = [];
  const check = (
    kind: RecordKind,
    record: { id: string },
    targets: ReturnType<typeof entrustmentTargets>,
  ) => found.push(...referencesInto(kind, record, targets, removing));
  if ((ids.parties?.length ?? 0) + (ids.sources?.length ?? 0) === 0) {
    for (const e of readRelated(
      tables,
      RELATIONS.under,
      ids.entrustments ?? [],
      tables.entrustments,
    ))
      check('entrustments', e, entrustmentTargets(e));
    return sortReferences(found);
  }
  const each = <T>(
    db: Tables['parties']['db'],
    decode: (text: string) => T,
    visit: (record: T) => void,
  ) => {
    for (const { value } of db.getRange({})) visit(decode(value));
  };
  each<Entrustment>(tables.entrustments.db, tables.entrustments.decode, (e) =>
    check('entrustments', e, entrustmentTargets(e)),
  );
  each<Party>(tables.parties.db, tables.parties.decode, (p) =>
    check('parties', p, partyTargets(p)),
  );
  each<Incident>(tables.incidents.db, tables.incidents.decode, (i) =>
    check('incidents', i, incidentTargets(i)),
  );
  return sortReferences(found);
}
