import type { ManagedTransaction } from 'neo4j-driver';
import { sortReferences } from '../../domain/references.js';
import { WriteConflictError } from '../../errors.js';
import type { RecordKind, Reference, RemoveIds } from '../port.js';
import type { Runners } from './access.js';
import { toNumber } from './mapping.js';

// What a write checks inside its own transaction, after store/next-generation has taken the
// store's one write lock: every other write waits at that node, so what is read here cannot change
// before this transaction commits.

/** Takes the write lock and the new generation; refuses a write planned at another generation. */
export async function beginWrite(
  r: Runners,
  tx: ManagedTransaction,
  expectedGeneration: number | undefined,
): Promise<void> {
  const { records } = await r.run(tx, 'store/next-generation', {});
  if (
    expectedGeneration !== undefined &&
    toNumber(records[0]!.get('previous')) !== expectedGeneration
  )
    throw new WriteConflictError();
}

const KIND_OF_LABEL: Record<string, RecordKind> = {
  Entrustment: 'entrustments',
  Party: 'parties',
  Incident: 'incidents',
  Source: 'sources',
};
// The register field each relationship is drawn from (cypher/*/link.cypher), seen from the referrer.
const FIELD_OF_REL: Record<string, string> = {
  ENTRUSTS: 'client',
  TO: 'contractor',
  UNDER: 'under',
  APPROVED_BY: 'approvedBy',
  SUBSIDIARY_OF: 'parent',
  OPERATED_BY: 'operator',
  MEMBER_OF: 'memberOf',
  AT: 'party',
  CITES: 'sources',
};

/** The records that refer to what `ids` would remove and are not removed with it. */
export async function referrersOf(
  r: Runners,
  tx: ManagedTransaction,
  ids: RemoveIds,
): Promise<Reference[]> {
  const removing = (kind: RecordKind, id: string) => ids[kind]?.includes(id) ?? false;
  const found = new Map<string, Reference>();
  const queries = [
    ['entrustments', 'entrustment/referrers'],
    ['parties', 'party/referrers'],
    ['sources', 'source/referrers'],
  ] as const;
  for (const [kind, query] of queries) {
    const targets = ids[kind] ?? [];
    if (targets.length === 0) continue;
    const { records } = await r.run(tx, query, { ids: [...targets] });
    for (const row of records) {
      const from = {
        kind: KIND_OF_LABEL[(row.get('labels') as string[]).find((l) => l in KIND_OF_LABEL)!]!,
        id: row.get('id') as string,
      };
      if (removing(from.kind, from.id)) continue;
      const field =
        row.get('certification') === true
          ? 'certifications.sources'
          : FIELD_OF_REL[row.get('rel') as string]!;
      const ref = { from, field, to: { kind, id: row.get('target') as string } };
      found.set(`${from.kind}/${from.id}\u0000${field}\u0000${ref.to.id}`, ref);
    }
  }
  return sortReferences([...found.values()]);
}

/** Thrown inside a removal's transaction to roll it back, and caught outside to return why. */
export class RefusedRemoval extends Error {
  constructor(readonly references: Reference[]) {
    super('refused: records still refer to what would be removed');
  }
}
