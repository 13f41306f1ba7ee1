import type { StorePort } from '../store/port.js';
import { checkStoredDependants } from './dependants.js';
import type { DocumentUnderCheck } from './document-under-check.js';
import type { PathSegment } from './problems.js';

/** What resolving needs from a store: records by id, batched. */
export type ReferenceLookup = Pick<
  StorePort,
  'parties' | 'entrustments' | 'sources' | 'entrustmentsUnder'
>;

type Kind = 'sources' | 'parties' | 'entrustments';
/** For each kind, the ids known; for entrustments, also their contractor (for `under` checks). */
type Known = Record<Kind, Map<string, { contractor?: string | undefined }>>;

/** Calls `visit` for every reference in a document; the path is only built when asked for. */
type Visit = (kind: Kind, id: string | undefined, at: () => PathSegment[], soft?: boolean) => void;

/**
 * Checks every reference in the documents against the documents themselves and, for what they do
 * not define, the store (one batched lookup per kind). Also reports ids that two files both
 * define, and each `under` that names an entrustment whose contractor is not this one's client.
 * Large registers hold millions of references: paths are only built for the ones reported.
 */
export async function resolveReferences(
  docs: readonly DocumentUnderCheck[],
  lookup: ReferenceLookup | null,
): Promise<void> {
  const known = collectDefinitions(docs);
  if (lookup !== null) {
    const missing: Record<Kind, Set<string>> = {
      sources: new Set(),
      parties: new Set(),
      entrustments: new Set(),
    };
    for (const doc of docs)
      visitReferences(
        doc,
        (kind, id) => id !== undefined && !known[kind].has(id) && missing[kind].add(id),
      );
    await addStored(known, missing, lookup);
    await checkStoredDependants(docs, lookup);
  }
  for (const doc of docs) {
    visitReferences(doc, (kind, id, at, soft) => {
      if (id !== undefined && !known[kind].has(id))
        (soft ? doc.warnings : doc.errors).add(at(), unresolved(kind, id, lookup !== null));
    });
    checkUnderContractors(doc, known.entrustments);
  }
}

function collectDefinitions(docs: readonly DocumentUnderCheck[]): Known {
  const known: Known = { sources: new Map(), parties: new Map(), entrustments: new Map() };
  const definedIn = new Map<string, string>();
  for (const doc of docs) {
    for (const kind of ['sources', 'parties', 'entrustments'] as const) {
      doc.loose[kind].forEach(
        (record: { id?: string | undefined; contractor?: string | undefined }, i) => {
          if (record.id === undefined) return;
          if (docs.length > 1) {
            const key = `${kind}/${record.id}`;
            const other = definedIn.get(key);
            if (other !== undefined && other !== (doc.file ?? ''))
              doc.errors.add(
                [kind, i, 'id'],
                `duplicate id "${record.id}": also defined in ${other}`,
              );
            definedIn.set(key, doc.file ?? '');
          }
          known[kind].set(record.id, record);
        },
      );
    }
  }
  return known;
}

function visitReferences(doc: DocumentUnderCheck, visit: Visit): void {
  const each = (
    kind: Kind,
    ids: readonly (string | undefined)[] | undefined,
    at: () => PathSegment[],
    soft?: boolean,
  ) => {
    if (ids) for (let j = 0; j < ids.length; j++) visit(kind, ids[j], () => [...at(), j], soft);
  };
  const { parties, entrustments, incidents } = doc.loose;
  parties.forEach((p, i) => {
    visit('parties', p.operator, () => ['parties', i, 'operator']);
    visit('parties', p.parent, () => ['parties', i, 'parent']);
    p.memberOf?.forEach((m, j) =>
      visit('parties', m.party, () => ['parties', i, 'memberOf', j, 'party']),
    );
    p.certifications?.forEach((c, j) =>
      each('sources', c.sources, () => ['parties', i, 'certifications', j, 'sources']),
    );
    each('sources', p.sources, () => ['parties', i, 'sources']);
  });
  entrustments.forEach((e, i) => {
    visit('parties', e.client, () => ['entrustments', i, 'client']);
    visit('parties', e.contractor, () => ['entrustments', i, 'contractor']);
    each('entrustments', e.under, () => ['entrustments', i, 'under']);
    each('parties', e.approvedBy, () => ['entrustments', i, 'approvedBy'], true);
    each('sources', e.sources, () => ['entrustments', i, 'sources']);
  });
  incidents.forEach((incident, i) => {
    visit('parties', incident.party, () => ['incidents', i, 'party']);
    each('sources', incident.sources, () => ['incidents', i, 'sources']);
  });
}

async function addStored(
  known: Known,
  missing: Record<Kind, Set<string>>,
  lookup: ReferenceLookup,
): Promise<void> {
  const [sources, parties, entrustments] = await Promise.all([
    lookup.sources([...missing.sources]),
    lookup.parties([...missing.parties]),
    lookup.entrustments([...missing.entrustments]),
  ]);
  for (const s of sources) known.sources.set(s.id, {});
  for (const p of parties) known.parties.set(p.id, {});
  for (const e of entrustments) known.entrustments.set(e.id, e);
}

const NOUN: Record<Kind, string> = {
  sources: 'source',
  parties: 'party',
  entrustments: 'entrustment',
};

function unresolved(kind: Kind, id: string, storeChecked: boolean): string {
  const where = storeChecked ? 'in this register or in the store' : 'in the files checked';
  return `unknown ${NOUN[kind]} "${id}": no ${NOUN[kind]} with this id ${where}`;
}

// E performs each U it lists in `under`: U's data went to U's contractor, who hands it on to E's
// contractor, so U's contractor must be E's client.
function checkUnderContractors(doc: DocumentUnderCheck, entrustments: Known['entrustments']): void {
  doc.loose.entrustments.forEach((e, i) => {
    e.under?.forEach((upstreamId, j) => {
      const upstream = upstreamId === undefined ? undefined : entrustments.get(upstreamId);
      if (
        upstream?.contractor !== undefined &&
        e.client !== undefined &&
        upstream.contractor !== e.client
      ) {
        doc.errors.add(
          ['entrustments', i, 'under', j],
          `"${upstreamId}" entrusts data to "${upstream.contractor}", not to this entrustment's client "${e.client}": an entrustment can only perform one whose contractor is its client`,
        );
      }
    });
  });
}
