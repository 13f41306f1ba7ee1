import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import type { AuditDraft } from '../../register/audit.js';
import type { RegisterBatch } from '../../domain/model.js';
import type { UpsertOptions } from '../port.js';
import * as access from './access.js';
import { categoryProps } from './access-rows.js';
import type { Runners } from './access.js';
import {
  entrustmentRow,
  incidentRow,
  partyRow,
  sourceRow,
  toInteger,
  toNumber,
} from './mapping.js';
import { chunks } from './chunks.js';
import { inferLinks, redrawDelegations } from './derived-links.js';
import { sameAsStored } from './stored-records.js';
import type { QueryName } from './queries.js';
import { beginWrite } from './write-checks.js';

// Writing a batch (cypher/README.md, "Large imports"). A batch under the staging threshold is one
// transaction. A larger one is staged: the records it adds are written under Pending labels in
// transactions of their own, while one transaction, opened first, holds the store's write lock;
// that transaction then gives the staged nodes their real labels and writes what the batch changes
// in stored records, so everything becomes visible at its commit. It needs memory for those two
// only, not for the whole batch.

export { chunks, ROWS_PER_STATEMENT } from './chunks.js';

export type Progress = (done: number, total: number) => void | Promise<void>;

/** The rows of a batch, built before anything is sent: a record that cannot be encoded fails first. */
function rowsOf(batch: RegisterBatch) {
  return {
    sources: batch.sources.map(sourceRow),
    parties: batch.parties.map(partyRow),
    entrustments: batch.entrustments.map(entrustmentRow),
    incidents: batch.incidents.map(incidentRow),
  };
}

type NodeRows = ReturnType<typeof rowsOf>;

/** The rows of `rows` that belong to the records of `subset` (already encoded: never twice). */
function rowsFor(rows: NodeRows, subset: RegisterBatch): NodeRows {
  const of = <R extends { id: string }>(all: R[], records: readonly { id: string }[]) => {
    const ids = new Set(records.map((x) => x.id));
    return all.filter((row) => ids.has(row.id));
  };
  return {
    sources: of(rows.sources, subset.sources),
    parties: of(rows.parties, subset.parties),
    entrustments: of(rows.entrustments, subset.entrustments),
    incidents: of(rows.incidents, subset.incidents),
  };
}

/** How many records a batch holds. */
export const sizeOf = (batch: RegisterBatch) =>
  batch.sources.length + batch.parties.length + batch.entrustments.length + batch.incidents.length;

/**
 * Writes every record of `batch` (encoded as `rows`) inside `tx` with the kinds' own upsert and link
 * statements: nodes first, then relationships, since a link may point at any node of the batch;
 * then what the graph derives from them (./derived-links.ts), for these entrustments and for the
 * clients of `alsoDelegating` too. Progress counts nodes.
 */
async function writeAll(
  r: Runners,
  tx: ManagedTransaction,
  batch: RegisterBatch,
  rows: NodeRows,
  onProgress?: Progress,
  alsoDelegating: readonly string[] = [],
): Promise<void> {
  const total = sizeOf(batch);
  type Statement = { name: QueryName; params: Record<string, unknown>; rows: number };
  const each = (
    name: QueryName,
    lists: unknown[][],
    key: 'rows' | 'ids',
    counts: boolean,
  ): Statement[] =>
    lists.map((list) => ({ name, params: { [key]: list }, rows: counts ? list.length : 0 }));
  const statements = [
    ...each('source/upsert', chunks(rows.sources), 'rows', true),
    ...each('party/upsert', chunks(rows.parties), 'rows', true),
    ...each('entrustment/upsert', chunks(rows.entrustments), 'rows', true),
    ...each('incident/upsert', chunks(rows.incidents), 'rows', true),
    ...each('party/link', chunks(rows.parties), 'rows', false),
    ...each('entrustment/link', chunks(rows.entrustments), 'rows', false),
    ...each('incident/link', chunks(rows.incidents), 'rows', false),
  ];
  let done = 0;
  const formerClients: string[] = [];
  for (const { name, params, rows: counted } of statements) {
    // The statement list mixes queries, so each call's parameters are checked where it is built.
    const { records } = await (
      r.run as (
        tx: ManagedTransaction,
        name: QueryName,
        params: Record<string, unknown>,
      ) => Promise<{ records: Neo4jRecord[] }>
    )(tx, name, params);
    if (name === 'entrustment/upsert')
      for (const row of records) formerClients.push(row.get('formerClient') as string);
    done += counted;
    if (counted > 0 && done < total) await onProgress?.(done, total);
  }
  await inferLinks(
    r,
    tx,
    batch.entrustments.map((e) => e.id),
  );
  await redrawDelegations(r, tx, [
    ...batch.entrustments.map((e) => e.client),
    ...formerClients,
    ...alsoDelegating,
  ]);
}

export interface UpsertWork {
  batch: RegisterBatch;
  onProgress?: Progress | undefined;
  audit?: AuditDraft | undefined;
  options: UpsertOptions;
  /** Records per staging transaction (NEO4J_RECORDS_PER_STAGE). */
  perStage: number;
}

/** The whole batch in one write transaction. */
export async function upsertInOne(
  r: Runners,
  { batch, onProgress, audit, options }: UpsertWork,
): Promise<void> {
  const rows = rowsOf(batch);
  await r.write(sizeOf(batch), async (tx) => {
    await beginWrite(r, tx, options.expectedGeneration);
    await access.appendAudit(r, tx, audit);
    await keepCategories(r, tx, batch);
    await writeAll(r, tx, batch, rows, onProgress);
    if (options.scope)
      await r.run(tx, 'sync-scope/hold', {
        name: options.scope.name,
        ids: [...options.scope.entrustments],
      });
  });
  await onProgress?.(sizeOf(batch), sizeOf(batch));
}

/** The batch staged, then published by the transaction that held the write lock throughout. */
export async function upsertStaged(
  r: Runners,
  { batch, onProgress, audit, options, perStage }: UpsertWork,
): Promise<void> {
  const total = sizeOf(batch);
  const rows = rowsOf(batch);
  await r.write(total, async (lock) => {
    await beginWrite(r, lock, options.expectedGeneration);
    // Whatever is staged now was left by an import that died: this one holds the lock.
    await repeatWhileAny(() =>
      inOwnTransaction(r, perStage, (tx) => countOf(r, tx, 'staged/clear', 'cleared', perStage)),
    );
    const { added, changed, unchanged } = await sortByStored(r, lock, batch, perStage);
    let done = unchanged;
    for (const part of stagingParts(rowsFor(rows, added), perStage)) {
      await inOwnTransaction(r, part.size, (tx) => r.run(tx, 'staged/add', part.rows));
      done += part.size;
      if (done < total) await onProgress?.(done, total);
    }
    for (const part of linkParts(rowsFor(rows, added), perStage))
      await inOwnTransaction(r, part.size, (tx) => r.run(tx, 'staged/link', part.ids));
    // Once every staged relationship is drawn: whether `under` is absent is read from them.
    for (const part of chunks(
      added.entrustments.map((e) => e.id),
      perStage,
    ))
      await inOwnTransaction(r, part.length, (tx) => inferLinks(r, tx, part));
    // Delegations of staged clients are staged too; a stored client's are redrawn at publication.
    const stagedParties = new Set(added.parties.map((p) => p.id));
    const clients = [...new Set(added.entrustments.map((e) => e.client))];
    for (const part of chunks(
      clients.filter((c) => stagedParties.has(c)),
      perStage,
    ))
      await inOwnTransaction(r, part.length, (tx) => r.run(tx, 'staged/delegate', { ids: part }));
    await access.appendAudit(r, lock, audit);
    await keepCategories(r, lock, batch);
    await repeatWhileAny(() => countOf(r, lock, 'staged/publish', 'published', perStage));
    await writeAll(
      r,
      lock,
      changed,
      rowsFor(rows, changed),
      undefined,
      clients.filter((c) => !stagedParties.has(c)),
    );
    if (options.scope)
      await r.run(lock, 'sync-scope/hold', {
        name: options.scope.name,
        ids: [...options.scope.entrustments],
      });
  });
  await onProgress?.(total, total);
}

/** A write transaction of its own, committed when `work` settles: a staging step. */
async function inOwnTransaction<T>(
  r: Runners,
  rows: number,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  await r.write(rows, async (tx) => {
    result = await work(tx);
  });
  return result as T;
}

async function countOf(
  r: Runners,
  tx: ManagedTransaction,
  name: 'staged/clear' | 'staged/publish',
  column: string,
  limit: number,
): Promise<number> {
  const { records } = await r.run(tx, name, { limit: toInteger(limit) });
  return toNumber(records[0]?.get(column) ?? 0);
}

/** Runs a step that handles up to a page of nodes until it handles none. */
async function repeatWhileAny(step: () => Promise<number>): Promise<void> {
  while ((await step()) > 0);
}

type Kind = 'sources' | 'parties' | 'entrustments' | 'incidents';
const KINDS: readonly Kind[] = ['sources', 'parties', 'entrustments', 'incidents'];
/** No record of any kind: a batch to fill, or the parameters a statement about one kind leaves empty. */
const none: RegisterBatch = { sources: [], parties: [], entrustments: [], incidents: [] };

/**
 * Splits the batch by what is stored: records whose id is new (to stage), records that change a
 * stored one (to write in the last transaction), and the count of records stored exactly as given
 * (nothing to write: an import run again stages nothing). A stored record is read back from the
 * graph, relationships and all, and compared with the one given.
 */
async function sortByStored(
  r: Runners,
  tx: ManagedTransaction,
  batch: RegisterBatch,
  perStage: number,
): Promise<{ added: RegisterBatch; changed: RegisterBatch; unchanged: number }> {
  const added: RegisterBatch = { ...none };
  const changed: RegisterBatch = { ...none };
  let unchanged = 0;
  for (const kind of KINDS) {
    const records = batch[kind] as Array<{ id: string }>;
    const stored = new Set<string>();
    const same = new Set<string>();
    for (const part of chunks(records, perStage)) {
      const { records: rows } = await r.run(tx, 'staged/stored', {
        ...none,
        [kind]: part.map((x) => x.id),
      });
      for (const row of rows) stored.add(row.get('id') as string);
      const compared = part.filter((x) => stored.has(x.id));
      for (const id of await sameAsStored(r, tx, kind, compared)) same.add(id);
    }
    (added[kind] as Array<{ id: string }>) = records.filter((x) => !stored.has(x.id));
    (changed[kind] as Array<{ id: string }>) = records.filter(
      (x) => stored.has(x.id) && !same.has(x.id),
    );
    unchanged += same.size;
  }
  return { added, changed, unchanged };
}

/** Node rows, a transaction's worth at a time, one kind per part. */
function stagingParts(rows: NodeRows, perStage: number) {
  return KINDS.flatMap((kind) =>
    chunks<unknown>(rows[kind], perStage).map((part) => ({
      size: part.length,
      rows: { ...none, [kind]: part },
    })),
  );
}

/** What staged/link needs of the rows an import adds, a transaction's worth at a time. */
function linkParts(added: NodeRows, perStage: number) {
  const noRows = { parties: [], entrustments: [], incidents: [] };
  return (['parties', 'entrustments', 'incidents'] as const).flatMap((kind) =>
    chunks<unknown>(added[kind], perStage).map((part) => ({
      size: part.length,
      ids: { ...noRows, [kind]: part },
    })),
  );
}

/** The batch's declared data categories, by id, in the write's transaction (a short list). */
async function keepCategories(r: Runners, tx: ManagedTransaction, batch: RegisterBatch) {
  const rows = (batch.categories ?? []).map(categoryProps);
  if (rows.length > 0) await r.run(tx, 'category/upsert', { rows });
}
