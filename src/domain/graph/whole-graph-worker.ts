import { parentPort, workerData } from 'node:worker_threads';
import { sendError } from '../../register/worker/protocol.js';
import type { StorePort } from '../../store/port.js';
import { openStoreAt } from '../../store/open.js';
import type { StoreTarget } from '../../store/target.js';
import { concentration, concentrationOf } from '../concentration.js';
import { findingCounts } from '../overview/finding-counts.js';
import { pageOfFindings } from '../findings-page.js';
import { redelegationFindings } from '../redelegation.js';
import type {
  FromWholeGraphWorker,
  ToWholeGraphWorker,
  WholeGraphAsk,
} from './whole-graph-thread.js';

// The whole-graph thread's entry (whole-graph-thread.ts): the same domain functions as on the
// main thread, on the store opened again here. Their answers are remembered here, per write
// generation (per-generation.ts), so the pages of one list are cut from one computation.

const port = parentPort!;
const opened: Promise<StorePort> = openStoreAt(workerData as StoreTarget);
// An open that failed is reported to each ask; it must not end the thread as unhandled.
opened.catch(() => undefined);

port.on('message', (message: ToWholeGraphWorker) => {
  if ('close' in message) return void close();
  void answer(message.id, message.ask);
});

async function answer(id: number, ask: WholeGraphAsk): Promise<void> {
  let reply: FromWholeGraphWorker;
  try {
    reply = { id, ok: true, value: await compute(await opened, ask) };
  } catch (error) {
    reply = { id, ok: false, error: sendError(error) };
  }
  port.postMessage(reply);
}

async function compute(store: StorePort, ask: WholeGraphAsk): Promise<unknown> {
  const asOf = ask.asOf;
  if (ask.kind === 'concentration') return concentration(store, asOf, ask.first);
  if (ask.kind === 'concentrationOf') return concentrationOf(store, asOf, ask.parties);
  if (ask.kind === 'findingCounts') return findingCounts(store, asOf);
  return pageOfFindings(await redelegationFindings(store, asOf ? { asOf } : {}), ask, ask.max);
}

async function close(): Promise<void> {
  try {
    await (await opened).close();
  } catch {
    // Nothing to close, or closing failed: the thread ends either way.
  }
  port.close();
}
