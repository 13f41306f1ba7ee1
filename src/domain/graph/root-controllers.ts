import { reachedByComponent } from './components.js';
import { ControllerSets, type ControllerSet } from './controller-sets.js';
import type { LinkGraph } from './link-graph.js';
import { Slices } from './slices.js';
import type { UpLinks } from './up-links.js';

/** The root controllers of every entrustment of a graph, as shared sets. */
export interface RootControllers {
  readonly sets: ControllerSets;
  /** The root controllers of entrustment i. */
  of(i: number): ControllerSet;
}

/**
 * Root controllers are what an entrustment reaches upward: the client of every entrustment of own
 * data it performs, directly or through others. Entrustments on a cycle reach each other, so they
 * reach the same controllers: the graph is condensed to its strongly connected components and each
 * component's set is computed once, after those of the components it performs (numbered lower).
 * A path never needs to repeat an entrustment to reach what its component reaches, so this is the
 * same answer as the walk, cycles included.
 */
export async function rootControllersOf(
  g: LinkGraph,
  up: UpLinks,
  slices = new Slices(),
): Promise<RootControllers> {
  // Controllers are numbered 0 … count - 1 for the sets, by party position.
  const controllerOf = new Int32Array(g.parties.length).fill(-1);
  let controllers = 0;
  for (let i = 0; i < g.size; i++) {
    const party = g.client[i]!;
    if (up.own[i] === 1 && controllerOf[party] === -1) controllerOf[party] = controllers++;
  }
  const sets = new ControllerSets(controllers);
  const { of, values } = await reachedByComponent(
    up.start,
    up.ups,
    (i) => (up.own[i] === 1 ? sets.single(controllerOf[g.client[i]!]!) : null),
    (parts) => sets.union(parts),
    slices,
  );
  return { sets, of: (i) => values[of[i]!]! };
}
