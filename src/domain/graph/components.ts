import { groupByValue } from './link-graph.js';
import { Slices } from './slices.js';

/**
 * Strongly connected components of a graph given as offsets into one edge list (edges of v are
 * edges[start[v]] … edges[start[v + 1] - 1]), by Tarjan's algorithm, iteratively: chains of
 * entrustments can be far deeper than the call stack.
 *
 * Components are numbered in the order Tarjan completes them, so every edge leads to a component
 * with the same or a smaller number: walking the numbers upward visits what each one reaches first.
 */
export interface Components {
  readonly count: number;
  /** The component of each vertex. */
  readonly of: Int32Array;
}

/** In slices (slices.ts): a graph of millions of links takes longer than a slice. */
export async function componentsOf(
  start: Int32Array,
  edges: Int32Array,
  slices = new Slices(),
): Promise<Components> {
  const n = start.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const of = new Int32Array(n).fill(-1);
  const open = new Int32Array(n); // vertices visited whose component is not complete
  const onOpen = new Uint8Array(n);
  const path = new Int32Array(n); // the depth-first path, as a stack
  const nextEdge = new Int32Array(n);
  let visited = 0;
  let count = 0;
  let openTop = 0;
  let depth = 0;
  const enter = (v: number) => {
    index[v] = low[v] = visited++;
    open[openTop++] = v;
    onOpen[v] = 1;
    nextEdge[v] = start[v]!;
    path[depth++] = v;
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (depth > 0) {
      if (slices.due()) await slices.turn();
      const v = path[depth - 1]!;
      if (nextEdge[v]! < start[v + 1]!) {
        const w = edges[nextEdge[v]!++]!;
        if (index[w] === -1) enter(w);
        else if (onOpen[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      depth--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = open[--openTop]!;
          onOpen[w] = 0;
          of[w] = count;
        } while (w !== v);
        count++;
      }
      if (depth > 0) {
        const parent = path[depth - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { count, of };
}

/**
 * What each vertex reaches along its edges, where a vertex may bring something of its own (`own`:
 * null when it brings nothing) and what it reaches is the union of that and what its edges lead
 * to: vertices on a cycle reach each other, so the graph is condensed to its components and each
 * component's value is made once, from its members' own and the values of the components they
 * lead to (numbered lower: componentsOf), by `union`. The value of vertex i is values[of[i]].
 */
export async function reachedByComponent<T>(
  start: Int32Array,
  edges: Int32Array,
  own: (vertex: number) => T | null,
  union: (parts: T[]) => T,
  slices = new Slices(),
): Promise<{ of: Int32Array; values: T[] }> {
  const components = await componentsOf(start, edges, slices);
  const members = groupByValue(components.of, components.count);
  const values: T[] = new Array(components.count);
  const parts: T[] = [];
  for (let c = 0; c < components.count; c++) {
    if (slices.due()) await slices.turn();
    parts.length = 0;
    for (let m = members.start[c]!; m < members.start[c + 1]!; m++) {
      const v = members.list[m]!;
      const mine = own(v);
      if (mine !== null) parts.push(mine);
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const target = components.of[edges[k]!]!;
        if (target !== c) parts.push(values[target]!);
      }
    }
    values[c] = union(parts);
  }
  return { of: components.of, values };
}
