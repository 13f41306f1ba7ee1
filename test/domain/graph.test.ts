import t from 'tap';
import { componentsOf } from '../../src/domain/graph/components.js';
import { ControllerSets, type ControllerSet } from '../../src/domain/graph/controller-sets.js';

/** Offsets and one edge list, as the graph code keeps them, from [from, to] pairs. */
function graph(vertices: number, edges: [number, number][]) {
  const start = new Int32Array(vertices + 1);
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  for (const [from] of sorted) start[from + 1]! += 1;
  for (let v = 0; v < vertices; v++) start[v + 1]! += start[v]!;
  return { start, edges: Int32Array.from(sorted, ([, to]) => to) };
}

t.test(
  'strongly connected components, numbered so that every edge leads to the same or a lower one',
  async (t) => {
    const edges: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
      [4, 4],
      [3, 6],
      [6, 3],
      [5, 0],
    ];
    const { start, edges: list } = graph(7, edges);
    const { count, of } = await componentsOf(start, list);
    const groups = new Map<number, number[]>();
    of.forEach((c, v) => groups.set(c, [...(groups.get(c) ?? []), v]));
    t.same([...groups.values()].map((g) => g.join(',')).sort(), ['0,1,2', '3,6', '4', '5']);
    t.equal(count, 4);
    t.ok(
      edges.every(([from, to]) => of[to]! <= of[from]!),
      'upstream components come first',
    );
    t.ok(of[3]! < of[0]!, 'the ring 0-1-2 reaches 3-6, so 3-6 is numbered before it');

    const deep = 300_000;
    const chain = graph(
      deep,
      Array.from({ length: deep - 1 }, (_, v) => [v, v + 1] as [number, number]),
    );
    const result = await componentsOf(chain.start, chain.edges);
    t.equal(
      result.count,
      deep,
      'a chain far deeper than the call stack, each vertex its own component',
    );
    t.equal(result.of[deep - 1], 0, 'the far end completes first');
  },
);

t.test(
  'controller sets: small ones as lists, large ones as bits, and a union adding nothing is its largest part',
  async (t) => {
    const sets = new ControllerSets(100); // 4 words of bits: a set of more than 4 becomes bits
    const members = (s: ControllerSet) =>
      s.members
        ? [...s.members]
        : Array.from({ length: 100 }, (_, c) => c).filter(
            (c) => (s.bits![c >>> 5]! >>> (c & 31)) & 1,
          );
    const small = sets.union([sets.single(7), sets.single(3), sets.single(7)]);
    t.same([members(small), small.size, small.bits], [[3, 7], 2, null]);
    t.equal(sets.single(3), sets.single(3), 'one set per controller');
    t.equal(
      sets.union([small, sets.single(3), sets.empty]),
      small,
      'nothing new: the same set, not a copy',
    );
    t.equal(sets.union([]), sets.empty);

    const large = sets.union([small, ...[40, 64, 99, 0].map((c) => sets.single(c))]);
    t.same(
      [members(large), large.size, large.members],
      [[0, 3, 7, 40, 64, 99], 6, null],
      'more members than words: bits',
    );
    t.equal(
      sets.union([small, large, sets.single(99)]),
      large,
      'lists and bits already in the largest part',
    );
    const larger = sets.union([
      large,
      sets.single(50),
      sets.union([sets.single(1), sets.single(2)]),
    ]);
    t.same([members(larger), larger.size], [[0, 1, 2, 3, 7, 40, 50, 64, 99], 9]);
    t.same(members(large), [0, 3, 7, 40, 64, 99], 'parts are never changed');
    const other = sets.union([20, 21, 22, 23, 24, 25].map((c) => sets.single(c)));
    t.same(
      [members(sets.union([larger, other])), sets.union([other, larger]).size],
      [[0, 1, 2, 3, 7, 20, 21, 22, 23, 24, 25, 40, 50, 64, 99], 15],
      'two bitsets',
    );

    const many = Array.from({ length: 40 }, (_, c) => sets.single(c % 20));
    t.equal(sets.union(many).size, 20, 'many parts, repeated');
  },
);
