import { componentsOf } from './components.js';
import { ControllerSets, type ControllerSet } from './controller-sets.js';
import { groupByValue, type LinkGraph } from './link-graph.js';
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
  const components = await componentsOf(up.start, up.ups, slices);
  const members = groupByValue(components.of, components.count);
  const byComponent: ControllerSet[] = new Array(components.count);
  const parts: ControllerSet[] = [];
  for (let c = 0; c < components.count; c++) {
    if (slices.due()) await slices.turn();
    parts.length = 0;
    for (let m = members.start[c]!; m < members.start[c + 1]!; m++) {
      const i = members.list[m]!;
      if (up.own[i] === 1) parts.push(sets.single(controllerOf[g.client[i]!]!));
      for (let k = up.start[i]!; k < up.start[i + 1]!; k++) {
        const upstream = components.of[up.ups[k]!]!;
        if (upstream !== c) parts.push(byComponent[upstream]!);
      }
    }
    byComponent[c] = sets.union(parts);
  }
  return { sets, of: (i) => byComponent[components.of[i]!]! };
}
