import { concentration, concentrationOf, type ConcentrationRow } from '../domain/concentration.js';
import { findingCounts, type FindingCounts } from '../domain/overview/finding-counts.js';
import type { IsoDate } from '../domain/dates.js';
import { pageOfFindings, type FindingsPage } from '../domain/findings-page.js';
import { redelegationFindings, type Finding, type FindingsQuery } from '../domain/redelegation.js';
import { PerGeneration } from '../domain/graph/per-generation.js';
import { ERROR_CODES, VcError } from '../errors.js';
import type { StorePort } from '../store/port.js';
import { targetOf, type StoreTarget } from '../store/target.js';
import { WorkerClient } from './client.js';
import type { WholeGraphAsk } from './protocol.js';

// A chain's findings read its parties and entrustments (redelegation.ts), the register's fewer.
const findingPages = new PerGeneration<Finding[]>(64, ['entrustments', 'parties']);
// Whether answers go to the thread is asked on every answer: on Neo4j a count was a round trip
// in turn before each, a third of a small chain's findings remembered.
const entrustmentCounts = new PerGeneration<number>(1, ['entrustments']);

/** How long a closing worker may take to close its store before it is ended. */
const CLOSE_GRACE_MS = 5_000;

export interface WholeGraphOptions {
  /** From how many entrustments whole-graph answers are computed in a worker thread; null: never. */
  threadFrom: number | null;
  /** The most findings one answer holds. */
  maxFindings: number;
}

// Whole-graph answers (findings over the whole register, concentration) are seconds to minutes
// of CPU on a large graph. Computed in slices on the main thread they still took half its time,
// and small queries beside them waited; in a worker thread they use the other core. The worker
// opens the same store again, remembers its answers until the next write (per-generation.ts), and
// sends the main thread only what a request asks for: a page of findings, the first N parties.

/**
 * The service's whole-graph answers: on a graph of `threadFrom` entrustments or more, computed in
 * one worker thread, started at the first ask and kept until close() (a new one if it died); on a
 * smaller graph (where starting a thread costs more than the answer), or a store no other thread
 * can open, here. The same domain functions either way.
 */
export class WholeGraph {
  private readonly target: StoreTarget | null;
  private client: WorkerClient | null = null;

  constructor(
    private readonly store: StorePort,
    private readonly options: WholeGraphOptions,
  ) {
    this.target = options.threadFrom === null ? null : targetOf(store);
  }

  /**
   * Findings of a controller's chain or of the whole register; a page of them. On a large graph a
   * chain that reaches a hub walks up to thousands of root controllers: the worker finds them
   * among the whole register's findings, which it keeps for the overview anyway. `lean`: the
   * asker reads neither explanations nor missing approvals, which may then be left empty.
   */
  async findings(
    query: FindingsQuery & FindingsPage,
    { lean = false, asked }: { lean?: boolean; asked?: Promise<number> } = {},
  ): Promise<Finding[]> {
    const { controller, asOf, first, after } = query;
    const max = this.options.maxFindings;
    if (await this.offThread(asked)) {
      const ask: WholeGraphAsk = {
        kind: 'findings',
        ...(controller ? { controller } : {}),
        ...(lean ? { lean } : {}),
        ...(asOf ? { asOf } : {}),
        first,
        after,
        max,
      };
      // Kept here too: a page of a hub chain's findings is thousands of records to copy from the
      // thread, and a dashboard asks for it again after every write that left it as it was.
      return findingPages.get(
        this.store,
        JSON.stringify(ask),
        () => this.ask(ask) as Promise<Finding[]>,
        asked,
      );
    }
    return pageOfFindings(
      await redelegationFindings(this.store, { controller, asOf }),
      { first, after },
      max,
    );
  }

  /** @param asked the generation the asker read when its request began (PerGeneration.get). */
  async concentration(
    asOf: IsoDate | undefined,
    first: number,
    asked?: Promise<number>,
  ): Promise<ConcentrationRow[]> {
    if (await this.offThread(asked))
      return this.ask({ kind: 'concentration', ...(asOf ? { asOf } : {}), first }) as Promise<
        ConcentrationRow[]
      >;
    return concentration(this.store, asOf, first);
  }

  /** The same answers over another view of the store (a scoped key's), always on this thread. */
  over(store: StorePort): WholeGraph {
    return new WholeGraph(store, { ...this.options, threadFrom: null });
  }

  /** The rows of the given parties in the same ranking (the overview's certification alerts). */
  async concentrationOf(
    asOf: IsoDate | undefined,
    parties: readonly string[],
  ): Promise<ConcentrationRow[]> {
    if (await this.offThread())
      return this.ask({
        kind: 'concentrationOf',
        ...(asOf ? { asOf } : {}),
        parties: [...parties],
      }) as Promise<ConcentrationRow[]>;
    return concentrationOf(this.store, asOf, parties);
  }

  /** The whole register's findings counted by rule and severity. */
  async findingCounts(asOf: IsoDate | undefined): Promise<FindingCounts> {
    if (await this.offThread())
      return this.ask({
        kind: 'findingCounts',
        ...(asOf ? { asOf } : {}),
      }) as Promise<FindingCounts>;
    return findingCounts(this.store, asOf);
  }

  async close(): Promise<void> {
    await this.client?.close(CLOSE_GRACE_MS);
  }

  private ask(ask: WholeGraphAsk): Promise<unknown> {
    // The next ask after a thread died starts a new one.
    if (this.client === null || this.client.stopped)
      this.client = new WorkerClient({ stopped: analysisStopped });
    return this.client.run({ type: 'whole-graph', target: this.target!, ask });
  }

  private async offThread(asked?: Promise<number>): Promise<boolean> {
    if (this.target === null) return false;
    const from = this.options.threadFrom!;
    if (from === 0) return true;
    const count = () => this.store.counts().then((c) => c.entrustments);
    return (await entrustmentCounts.get(this.store, 'entrustments', count, asked)) >= from;
  }
}

function analysisStopped(reason: string): VcError {
  return new VcError(
    ERROR_CODES.INTERNAL,
    `the whole-graph analysis stopped before it answered (${reason})`,
  );
}
