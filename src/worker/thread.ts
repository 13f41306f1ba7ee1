import { parentPort } from 'node:worker_threads';
import { concentration, concentrationOf } from '../domain/concentration.js';
import { pageOfFindings } from '../domain/findings-page.js';
import { findingCounts } from '../domain/overview/finding-counts.js';
import { redelegationFindings } from '../domain/redelegation.js';
import { importRegisters, type RegisterInput } from '../register/import.js';
import { openStoreAt } from '../store/open.js';
import { bookmarksOf } from '../store/target.js';
import type { StorePort } from '../store/port.js';
import { parseBody } from './body.js';
import { prepareBulkLoad } from './bulk-load.js';
import {
  sendError,
  type FromThread,
  type ImportAnswer,
  type Job,
  type ToThread,
  type WholeGraphAsk,
  type WorkerInput,
} from './protocol.js';

// A worker thread's entry (client.ts starts it): the same functions as on the main thread, on the
// store opened again here. An import or a bulk load is the thread's one job, and it ends after it,
// giving its memory back; a whole-graph thread stays, and keeps its store open until asked to close.

const port = parentPort!;
const post = (message: FromThread) => port.postMessage(message);

const chunks: Uint8Array[] = [];
/** Large strings of the request body, kept here: the main thread gets a token in their place. */
const held = new Map<string, string>();
/** The store whole-graph answers are computed on, opened at the first ask. */
let wholeGraphStore: Promise<StorePort> | null = null;

port.on('message', (message: ToThread) => {
  if ('job' in message) void run(message.id, message.job);
  else if (message.type === 'chunk') chunks.push(message.bytes);
  else void close();
});

async function run(id: number, job: Job): Promise<void> {
  try {
    post({ id, type: 'answer', value: await perform(id, job) });
  } catch (error) {
    post({ id, type: 'failed', error: sendError(error) });
  }
  if (job.type === 'import' || job.type === 'bulk-load') port.close();
}

async function perform(id: number, job: Job): Promise<unknown> {
  switch (job.type) {
    case 'parse-body':
      return parseBody(Buffer.concat(chunks.splice(0)), job.holdFrom, job.holdIf, held);
    case 'bulk-load':
      return prepareBulkLoad(job.inputs.map(textOf), job.options);
    case 'whole-graph':
      return answer(await (wholeGraphStore ??= openStoreAt(job.target)), job.ask);
    case 'import':
      return runImport(id, job);
  }
}

async function runImport(id: number, job: Job<'import'>): Promise<ImportAnswer> {
  const { progress, ...options } = job.options;
  const onProgress = (done: number, total: number) => post({ id, type: 'progress', done, total });
  const store = job.target === null ? null : await openStoreAt(job.target);
  try {
    const report = await importRegisters(store, job.inputs.map(textOf), {
      ...options,
      ...(progress ? { onProgress } : {}),
    });
    // Handed back with the answer: the caller's next read sees this import (store/target.ts).
    return { report, bookmarks: store ? await bookmarksOf(store) : [] };
  } finally {
    // Closed before answering, so a caller that ends the thread on the answer cuts nothing short.
    await store?.close();
  }
}

async function answer(store: StorePort, ask: WholeGraphAsk): Promise<unknown> {
  const asOf = ask.asOf;
  if (ask.kind === 'concentration') return concentration(store, asOf, ask.first);
  if (ask.kind === 'concentrationOf') return concentrationOf(store, asOf, ask.parties);
  if (ask.kind === 'findingCounts') return findingCounts(store, asOf);
  const query = {
    ...(asOf ? { asOf } : {}),
    ...(ask.controller ? { controller: ask.controller } : {}),
  };
  const page = pageOfFindings(
    await redelegationFindings(store, query, { fromWholeRegister: true }),
    ask,
    ask.max,
  );
  return ask.lean ? page.map((f) => ({ ...f, explanation: '', missingApprovals: [] })) : page;
}

async function close(): Promise<void> {
  try {
    await (await wholeGraphStore)?.close();
  } catch {
    // Nothing to close, or closing failed: the thread ends either way.
  }
  port.close();
}

function textOf(input: WorkerInput): RegisterInput {
  const file = input.file === undefined ? {} : { file: input.file };
  if ('sheets' in input) return { text: '', sheets: input.sheets, ...file };
  const text = 'held' in input ? held.get(input.held) : input.text;
  if (text === undefined) throw new Error('an import named a document this worker does not hold');
  return { text, ...file };
}
