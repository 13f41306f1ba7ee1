import { findPaths, type StatePath } from './evidence.js';
import type { Adjacency, Miss, StateGraph } from './state-graph.js';

// The states stand for every walk, and a walk may close a cycle, which no path of the register
// does (each passes an entrustment at most once). Where a cycle may be involved, what the states
// say is checked here against paths found one by one.

/** Partial paths one answer's checks may make together; past it, the checks are conservative. */
const VERIFY_BUDGET = 100_000;
/** Paths listed to a controller's ends beyond a cycle before they are judged by states. */
const LIST_WANT = 200;
const LIST_BUDGET = 5_000;

/** A search shared by the checks of one answer, within one budget. */
export class SimplePaths {
  private left = VERIFY_BUDGET;

  constructor(
    private readonly graph: StateGraph,
    private readonly preds: Adjacency,
  ) {}

  /**
   * One path of the register to `s` not passing the entrustment numbered `avoid`
   * (StateGraph.entrustmentOf); undefined: none, null: not known.
   */
  one(s: number, avoid?: number): StatePath | undefined | null {
    if (this.left <= 0) return null;
    const found = findPaths(this.graph, this.preds, [s], {
      want: 1,
      budget: this.left,
      confirmedOnly: null,
      ...(avoid === undefined ? {} : { avoid }),
    });
    this.left -= found.spent;
    if (found.paths.length > 0) return found.paths[0];
    return found.complete ? undefined : null;
  }

  /**
   * The stops the walk met beyond a cycle that some path of the register also meets, with that
   * path. When the budget runs out, the rest are left out: notExposed lists stops, a lower bound.
   */
  verifiedMisses(): Miss[] {
    // Stops found here, beside the graph's own (by entrustment number and reason).
    const added = new Set<string>();
    const found: Miss[] = [];
    for (const u of this.graph.unverified) {
      const key = `${u.number}|${u.reason}`;
      if (this.graph.stoppedFor(u.number, u.reason) || added.has(key)) continue;
      const path = this.one(u.below, u.number);
      if (!path) continue;
      added.add(key);
      const { entrustment, link, reason, below } = u;
      found.push({ entrustment, link, reason, detail: () => u.detail(), below, path });
    }
    return found;
  }

  /**
   * A controller's ends beyond a cycle: every path to them when there are few (`complete`), and
   * the ends some path of the register reaches. With many paths, an end whose shortest path is
   * simple is reached; another is checked by a search, and kept when the search cannot tell.
   */
  endsBeyondCycles(ends: readonly number[]): {
    kept: number[];
    paths: StatePath[];
    complete: boolean;
  } {
    // Spent: every end is kept unchecked, as a search with no budget left would keep it.
    if (this.left <= 0) return { kept: [...ends], paths: [], complete: false };
    const listed = findPaths(this.graph, this.preds, ends, {
      want: LIST_WANT,
      budget: Math.max(0, Math.min(LIST_BUDGET, this.left)),
      confirmedOnly: null,
    });
    this.left -= listed.spent;
    if (listed.complete) {
      const tops = new Set(listed.paths.map((p) => p[0]!));
      return { kept: ends.filter((s) => tops.has(s)), paths: listed.paths, complete: true };
    }
    const kept = ends.filter((s) => this.graph.states[s]!.simple || this.one(s) !== undefined);
    return { kept, paths: listed.paths, complete: false };
  }
}
