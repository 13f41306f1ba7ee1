import { BadInputError } from '../errors.js';

/** The most items one page of a list holds, unless a list says otherwise. */
export const MAX_PAGE_SIZE = 500;

/**
 * The one rule for a page size: a whole number from 1 to `max`. Anything else is a BadInputError
 * naming the argument (`first`, unless the caller's is called otherwise) and what it was.
 */
export function checkPageSize(value: number, max = MAX_PAGE_SIZE, argument = 'first'): number {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new BadInputError(argument, `must be a whole number from 1 to ${max}, got ${value}`);
  return value;
}
