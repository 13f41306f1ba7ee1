// JSON.parse keeps the last of two equal keys without a word; a register must not lose data that
// way. This scan runs on text JSON.parse has accepted, so it only follows strings and nesting; it
// holds the keys of the objects open at one moment, never a tree, so memory stays bounded. It
// jumps from quote to quote with indexOf and counts lines only for the key it reports: a bulk
// load scans hundreds of megabytes.

export interface DuplicateKey {
  key: string;
  line: number;
  column: number;
}

export function firstDuplicateKey(text: string): DuplicateKey | null {
  const enclosing: (Set<string> | null)[] = [];
  // The keys of the innermost open object; null inside an array or outside every object.
  let keys: Set<string> | null = null;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = closingQuote(text, i);
      if (expectKey && keys !== null) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key)) return { key, ...placeOf(text, i) };
        keys.add(key);
      }
      expectKey = false;
      i = end;
    } else if (c === 123) {
      enclosing.push(keys);
      keys = new Set();
      expectKey = true;
    } else if (c === 91) {
      enclosing.push(keys);
      keys = null;
    } else if (c === 125 || c === 93) {
      keys = enclosing.pop() ?? null;
    } else if (c === 44) {
      expectKey = keys !== null;
    }
  }
  return null;
}

/** The quote that ends the string opening at `open`: the first not escaped by an odd run of backslashes. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

function placeOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return { line, column: index - (text.lastIndexOf('\n', index - 1) + 1) + 1 };
}
