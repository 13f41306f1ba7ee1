// JSON.parse keeps the last of two equal keys without a word; a register must not lose data that
// way. This scan runs on text JSON.parse has accepted, so it only follows strings and nesting; it
// holds the keys of the objects open at one moment, never a tree, so memory stays bounded.

export interface DuplicateKey {
  key: string;
  line: number;
  column: number;
}

export function firstDuplicateKey(text: string): DuplicateKey | null {
  const open: (Set<string> | null)[] = [];
  let line = 1;
  let lineStart = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      lineStart = i + 1;
    } else if (c === 123) {
      open.push(new Set());
      expectKey = true;
    } else if (c === 91) {
      open.push(null);
    } else if (c === 125 || c === 93) {
      open.pop();
    } else if (c === 44) {
      expectKey = open.at(-1) instanceof Set;
    } else if (c === 34) {
      const start = i;
      let end = i + 1;
      while (text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
      const keys = open.at(-1);
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(start, end + 1)) as string;
        if (keys.has(key)) return { key, line, column: start - lineStart + 1 };
        keys.add(key);
      }
      expectKey = false;
      i = end;
    }
  }
  return null;
}
