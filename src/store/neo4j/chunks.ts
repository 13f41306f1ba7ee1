/** Rows per UNWIND: bounds each statement's memory while the batch stays one transaction. */
export const ROWS_PER_STATEMENT = 5_000;

/** `items` in lists of at most `size`: one statement's or one transaction's worth. */
export const chunks = <T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
