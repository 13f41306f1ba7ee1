import { en } from '../../explorer/model/i18n/en.js';

// The explorer's legend, word for word, for the diagrams the CLI draws: one picture language on
// every surface (English, as the CLI's other output).

export const LEGEND = {
  /** A solid line: a declared link, or a hop on a CONFIRMED path. */
  confirmed: en.legend.confirmed,
  /** A dotted line: an inferred link, or a hop only POSSIBLE paths take. */
  inferred: en.legend.possible,
  /** A red, heavy line: the client did not disclose this hop upstream. */
  undisclosed: en.legend.undisclosed,
  /** An amber node: where a re-delegation finding lands. */
  finding: en.legend.finding,
} as const;

export const RED = '#b91c1c';
