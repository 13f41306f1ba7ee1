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

/**
 * The keys of one open object: a list while it is short (a register's records have a dozen keys,
 * and a list is cheaper to make and search than a set), a set once it grows, so that an object
 * with a hundred thousand keys still takes linear time.
 */
class ObjectKeys {
  private list: string[] | null = [];
  private set: Set<string> | null = null;

  /** Adds `key`; false if the object already has it. */
  add(key: string): boolean {
    if (this.list !== null) {
      if (this.list.includes(key)) return false;
      this.list.push(key);
      if (this.list.length > LIST_KEYS) {
        this.set = new Set(this.list);
        this.list = null;
      }
      return true;
    }
    if (this.set!.has(key)) return false;
    this.set!.add(key);
    return true;
  }
}

const LIST_KEYS = 16;

export function firstDuplicateKey(text: string): DuplicateKey | null {
  const enclosing: (ObjectKeys | null)[] = [];
  // The keys of the innermost open object; null inside an array or outside every object.
  let keys: ObjectKeys | null = null;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = closingQuote(text, i);
      if (expectKey && keys !== null) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (!keys.add(key)) return { key, ...placeOf(text, i) };
      }
      expectKey = false;
      i = end;
    } else if (c === 123) {
      enclosing.push(keys);
      keys = new ObjectKeys();
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
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1))
    line += 1;
  return { line, column: index - (text.lastIndexOf('\n', index - 1) + 1) + 1 };
}
