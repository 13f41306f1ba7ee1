import type { LooseRegister } from './loose.js';
import type { ProblemList } from './problems.js';

/** A register document as the checks see it: its loose reading and the problems found so far. */
export interface DocumentUnderCheck {
  loose: LooseRegister;
  errors: ProblemList;
  warnings: ProblemList;
  file?: string;
}
