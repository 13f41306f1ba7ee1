import Table from 'cli-table3';

// Tables for a person: cli-table3 measures cells with string-width, so Japanese names (two
// columns per character) line up; long cells wrap within a share of the terminal's width.

export function table(head: string[], rows: (string | number)[][], width: number, weights?: number[]): string {
  const w = weights ?? head.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  // Each column costs its content plus 3 for borders and padding.
  const usable = Math.max(head.length * 8, width - head.length * 3 - 1);
  const colWidths = w.map((x) => Math.max(8, Math.floor((usable * x) / total)) + 2);
  const t = new Table({ head, colWidths, wordWrap: true, wrapOnWordBoundary: true, style: { head: [], border: [] } });
  for (const row of rows) t.push(row.map((cell) => String(cell)));
  return `${t.toString()}\n`;
}

export const party = (names: Map<string, string>, id: string) => {
  const name = names.get(id);
  return name && name !== id ? `${name} (${id})` : id;
};
