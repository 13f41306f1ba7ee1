import type { StorePort } from '../store/port.js';
import type { LooseRegister } from './loose.js';
import type { PathSegment, ProblemList } from './problems.js';

/** What resolving needs from a store: records by id, batched. */
export type ReferenceLookup = Pick<StorePort, 'parties' | 'entrustments' | 'sources'>;

export interface DocumentUnderCheck {
  loose: LooseRegister;
  errors: ProblemList;
  warnings: ProblemList;
  file?: string;
}

type Kind = 'sources' | 'parties' | 'entrustments';
/** For each kind, the ids known; for entrustments, also their contractor (for `under` checks). */
type Known = Record<Kind, Map<string, { contractor?: string | undefined }>>;

interface Reference {
  kind: Kind;
  id: string;
  doc: DocumentUnderCheck;
  at: PathSegment[];
  /** An approval naming an unknown party is worth a warning, not a rejected register. */
  soft?: boolean;
}

/**
 * Checks every reference in the documents against the documents themselves and, for what they do
 * not define, the store (one batched lookup per kind). Also reports ids that two files both
 * define, and each `under` that names an entrustment whose contractor is not this one's client.
 */
export async function resolveReferences(docs: readonly DocumentUnderCheck[], lookup: ReferenceLookup | null): Promise<void> {
  const known = collectDefinitions(docs);
  const references = docs.flatMap(referencesOf);
  await addStored(known, references, lookup);
  for (const ref of references) {
    if (!known[ref.kind].has(ref.id)) (ref.soft ? ref.doc.warnings : ref.doc.errors).add(ref.at, unresolved(ref, lookup !== null));
  }
  for (const doc of docs) checkUnderContractors(doc, known.entrustments);
}

function collectDefinitions(docs: readonly DocumentUnderCheck[]): Known {
  const known: Known = { sources: new Map(), parties: new Map(), entrustments: new Map() };
  const definedIn = new Map<string, string>();
  for (const doc of docs) {
    for (const kind of ['sources', 'parties', 'entrustments'] as const) {
      doc.loose[kind].forEach((record: { id?: string | undefined; contractor?: string | undefined }, i) => {
        if (record.id === undefined) return;
        const key = `${kind}/${record.id}`;
        const other = definedIn.get(key);
        if (other !== undefined && other !== (doc.file ?? '')) doc.errors.add([kind, i, 'id'], `duplicate id "${record.id}": also defined in ${other}`);
        definedIn.set(key, doc.file ?? '');
        known[kind].set(record.id, record);
      });
    }
  }
  return known;
}

function referencesOf(doc: DocumentUnderCheck): Reference[] {
  const refs: Reference[] = [];
  const ref = (kind: Kind, id: string | undefined, ...at: PathSegment[]) => {
    if (id !== undefined) refs.push({ kind, id, doc, at });
  };
  const each = (kind: Kind, ids: (string | undefined)[] | undefined, ...at: PathSegment[]) => ids?.forEach((id, j) => ref(kind, id, ...at, j));
  const { parties, entrustments, incidents } = doc.loose;
  parties.forEach((p, i) => {
    ref('parties', p.operator, 'parties', i, 'operator');
    ref('parties', p.parent, 'parties', i, 'parent');
    p.memberOf?.forEach((m, j) => ref('parties', m.party, 'parties', i, 'memberOf', j, 'party'));
    p.certifications?.forEach((c, j) => each('sources', c.sources, 'parties', i, 'certifications', j, 'sources'));
    each('sources', p.sources, 'parties', i, 'sources');
  });
  entrustments.forEach((e, i) => {
    ref('parties', e.client, 'entrustments', i, 'client');
    ref('parties', e.contractor, 'entrustments', i, 'contractor');
    each('entrustments', e.under, 'entrustments', i, 'under');
    e.approvedBy?.forEach((a, j) => {
      if (a !== undefined) refs.push({ kind: 'parties', id: a, doc, at: ['entrustments', i, 'approvedBy', j], soft: true });
    });
    each('sources', e.sources, 'entrustments', i, 'sources');
  });
  incidents.forEach((incident, i) => {
    ref('parties', incident.party, 'incidents', i, 'party');
    each('sources', incident.sources, 'incidents', i, 'sources');
  });
  return refs;
}

async function addStored(known: Known, references: Reference[], lookup: ReferenceLookup | null): Promise<void> {
  if (lookup === null) return;
  const missing = (kind: Kind) => [...new Set(references.filter((r) => r.kind === kind && !known[kind].has(r.id)).map((r) => r.id))];
  const [sources, parties, entrustments] = await Promise.all([
    lookup.sources(missing('sources')),
    lookup.parties(missing('parties')),
    lookup.entrustments(missing('entrustments')),
  ]);
  for (const s of sources) known.sources.set(s.id, {});
  for (const p of parties) known.parties.set(p.id, {});
  for (const e of entrustments) known.entrustments.set(e.id, e);
}

const NOUN: Record<Kind, string> = { sources: 'source', parties: 'party', entrustments: 'entrustment' };

function unresolved(ref: Reference, storeChecked: boolean): string {
  const where = storeChecked ? 'in this register or in the store' : 'in the files checked';
  return `unknown ${NOUN[ref.kind]} "${ref.id}": no ${NOUN[ref.kind]} with this id ${where}`;
}

// E performs each U it lists in `under`: U's data went to U's contractor, who hands it on to E's
// contractor, so U's contractor must be E's client.
function checkUnderContractors(doc: DocumentUnderCheck, entrustments: Known['entrustments']): void {
  doc.loose.entrustments.forEach((e, i) => {
    e.under?.forEach((upstreamId, j) => {
      const upstream = upstreamId === undefined ? undefined : entrustments.get(upstreamId);
      if (upstream?.contractor !== undefined && e.client !== undefined && upstream.contractor !== e.client) {
        doc.errors.add(
          ['entrustments', i, 'under', j],
          `"${upstreamId}" entrusts data to "${upstream.contractor}", not to this entrustment's client "${e.client}": an entrustment can only perform one whose contractor is its client`,
        );
      }
    });
  });
}
