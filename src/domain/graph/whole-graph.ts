import { concentration, concentrationOf, type ConcentrationRow } from '../concentration.js';
import { findingCounts, type FindingCounts } from '../overview/finding-counts.js';
import type { IsoDate } from '../dates.js';
import { pageOfFindings, type FindingsPage } from '../findings-page.js';
import { redelegationFindings, type Finding, type FindingsQuery } from '../redelegation.js';
import type { StorePort } from '../../store/port.js';
import { targetOf } from '../../store/target.js';
import { WholeGraphThread } from './whole-graph-thread.js';

export interface WholeGraphOptions {
  /** From how many entrustments whole-graph answers are computed in a worker thread; null: never. */
  threadFrom: number | null;
  /** The most findings one answer holds. */
  maxFindings: number;
}

/**
 * The service's whole-graph answers: on a graph of `threadFrom` entrustments or more, computed in
 * a worker thread (whole-graph-thread.ts); on a smaller one (where starting a thread costs more
 * than the answer), or a store no other thread can open, here. The same domain functions either way.
 */
export class WholeGraph {
  private readonly thread: WholeGraphThread | null;

  constructor(
    private readonly store: StorePort,
    private readonly options: WholeGraphOptions,
  ) {
    const target = targetOf(store);
    this.thread =
      target === null || options.threadFrom === null ? null : new WholeGraphThread(target);
  }

  /** Findings of a controller's chain (always here: a chain is small), or of the whole register; a page of them. */
  async findings(query: FindingsQuery & FindingsPage): Promise<Finding[]> {
    const { controller, asOf, first, after } = query;
    const max = this.options.maxFindings;
    if (!controller && (await this.offThread()))
      return this.thread!.ask({ kind: 'findings', ...(asOf ? { asOf } : {}), first, after, max });
    return pageOfFindings(
      await redelegationFindings(this.store, { controller, asOf }),
      { first, after },
      max,
    );
  }

  async concentration(asOf: IsoDate | undefined, first: number): Promise<ConcentrationRow[]> {
    if (await this.offThread())
      return this.thread!.ask({ kind: 'concentration', ...(asOf ? { asOf } : {}), first });
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
      return this.thread!.ask({
        kind: 'concentrationOf',
        ...(asOf ? { asOf } : {}),
        parties: [...parties],
      });
    return concentrationOf(this.store, asOf, parties);
  }

  /** The whole register's findings counted by rule and severity. */
  async findingCounts(asOf: IsoDate | undefined): Promise<FindingCounts> {
    if (await this.offThread())
      return this.thread!.ask({ kind: 'findingCounts', ...(asOf ? { asOf } : {}) });
    return findingCounts(this.store, asOf);
  }

  close(): Promise<void> {
    return this.thread?.close() ?? Promise.resolve();
  }

  private async offThread(): Promise<boolean> {
    if (this.thread === null) return false;
    const from = this.options.threadFrom!;
    return from === 0 || (await this.store.counts()).entrustments >= from;
  }
}
