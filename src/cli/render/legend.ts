// The words of the explorer's legend (src/explorer/page.ts), for the diagrams the CLI draws:
// one picture language on every surface. test/cli/diagram-legend.test.ts holds the two together.

export const LEGEND = {
  /** A solid line: a declared link, or a hop on a CONFIRMED path. */
  confirmed: 'CONFIRMED',
  /** A dotted line: an inferred link, or a hop only POSSIBLE paths take. */
  inferred: 'POSSIBLE / inferred',
  /** A red, heavy line: the client did not disclose this hop upstream. */
  undisclosed: 'undisclosed hop',
  /** An amber node: where a re-delegation finding lands. */
  finding: 'finding',
} as const;

export const RED = '#b91c1c';
