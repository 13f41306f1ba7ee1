import Table from 'cli-table3';
import stringWidth from 'string-width';

// Tables for a person: widths are measured with string-width, so Japanese names (two columns
// per character) line up. Columns get their natural width when the terminal allows; otherwise
// the widest shrink first and their cells wrap, never below a readable minimum.

const MIN_COLUMN = 12;

/** `keep`: columns never narrowed (ids a reader copies into the next command must stay whole). */
export function table(
  head: string[],
  rows: (string | number)[][],
  width: number,
  keep: readonly number[] = [],
): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const natural = head.map(
    (h, i) =>
      Math.max(
        ...[h, ...cells.map((r) => r[i] ?? '')].flatMap((c) =>
          c.split('\n').map((line) => stringWidth(line)),
        ),
      ) + 2,
  );
  const colWidths = fit(natural, width - (head.length + 1), keep);
  const t = new Table({
    head,
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  for (const row of cells) t.push(row);
  return `${t.toString()}\n`;
}

function fit(natural: number[], available: number, keep: readonly number[]): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) - available;
  while (excess > 0) {
    const widest = Math.max(...widths.filter((_, j) => !keep.includes(j)));
    const floor = Math.min(widest, MIN_COLUMN);
    if (widest <= floor) break;
    const i = widths.findIndex((w, j) => w === widest && !keep.includes(j));
    const second = Math.max(floor, ...widths.filter((_, j) => j !== i && !keep.includes(j)));
    const cut = Math.min(excess, Math.max(1, widest - second));
    widths[i] = Math.max(floor, widest - cut);
    excess -= widest - widths[i]!;
  }
  return widths;
}

export const party = (names: Map<string, string>, id: string) => {
  const name = names.get(id);
  return name && name !== id ? `${name} (${id})` : id;
};
