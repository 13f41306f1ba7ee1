import { randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import secureJson from 'secure-json-parse';
import { prepareBulkLoad } from '../../store/neo4j/bulk/prepare.js';
import { openStoreAt } from '../../store/open.js';
import { bookmarksOf } from '../../store/target.js';
import { importRegisters, type RegisterInput } from '../import.js';
import { sendError, type FromWorker, type ToWorker, type WorkerInput } from './protocol.js';
import { decodeUtf8 } from '../../utf8.js';

// The import worker's entry: the same importRegisters as on the main thread, with the store
// opened again from this thread, so a large register never holds up the main thread's event loop.

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

const chunks: Uint8Array[] = [];
/** Large strings of the request body, kept here: the main thread gets a token in their place. */
const held = new Map<string, string>();

port.on('message', (message: ToWorker) => {
  if (message.type === 'chunk') chunks.push(message.bytes);
  else if (message.type === 'parse-body') parseBody(message.holdFrom, message.holdIf);
  else if (message.type === 'bulk-load') void runBulkLoad(message);
  else void runImport(message);
});

function parseBody(holdFrom: number, holdIf: string): void {
  const { text, invalid } = decodeUtf8(Buffer.concat(chunks));
  chunks.length = 0;
  if (invalid) return post({ type: 'body-error', problem: 'not-utf8', at: invalid });
  if (text.length === 0) return post({ type: 'body-error', problem: 'empty' });
  let body: unknown;
  try {
    // As Fastify's own JSON parser does by default: a "__proto__" key is refused.
    body = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'ignore' });
  } catch {
    return post({ type: 'body-error', problem: 'invalid' });
  }
  post({ type: 'body', body: holdLargeVariables(body, holdFrom, holdIf), held: [...held.keys()] });
}

// Only a request that asks for an import has its large variables kept here; any other request
// gets its body back whole.
function holdLargeVariables(body: unknown, holdFrom: number, holdIf: string): unknown {
  const b = body as { query?: unknown; variables?: unknown } | null;
  if (
    typeof b?.query !== 'string' ||
    !b.query.includes(holdIf) ||
    b.variables === null ||
    typeof b.variables !== 'object'
  )
    return body;
  const variables = b.variables as Record<string, unknown>;
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string' || value.length < holdFrom) continue;
    const token = `vendor-chain:held:${randomUUID()}`;
    held.set(token, value);
    variables[name] = token;
  }
  return body;
}

async function runImport({
  target,
  inputs,
  options,
}: Extract<ToWorker, { type: 'import' }>): Promise<void> {
  try {
    const texts = inputs.map(textOf);
    const onProgress = options.progress
      ? (done: number, total: number) => post({ type: 'progress', done, total })
      : undefined;
    const { progress: _progress, ...rest } = options;
    const importOptions = { ...rest, ...(onProgress ? { onProgress } : {}) };
    const store = target === null ? null : await openStoreAt(target);
    let report;
    let bookmarks: string[] = [];
    try {
      report = await importRegisters(store, texts, importOptions);
      // Handed back with the answer: the caller's next read sees this import (store/target.ts).
      if (store) bookmarks = await bookmarksOf(store);
    } finally {
      // Closed before answering, so a caller that ends the thread on the answer cuts nothing short.
      await store?.close();
    }
    post({ type: 'report', report, bookmarks });
  } catch (error) {
    post({ type: 'failed', error: sendError(error) });
  }
  // Nothing more to do: let the thread end.
  port.close();
}

async function runBulkLoad({
  inputs,
  options,
}: Extract<ToWorker, { type: 'bulk-load' }>): Promise<void> {
  try {
    post({ type: 'bulk-load', result: await prepareBulkLoad(inputs.map(textOf), options) });
  } catch (error) {
    post({ type: 'failed', error: sendError(error) });
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
