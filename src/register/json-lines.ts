import { PathLines, type PathNode } from './path-lines.js';
import type { PathSegment } from './problems.js';

// Lines of problems in a JSON register, found by one scan of the text that follows only the
// paths asked for (a trie of them), so a large file with a few errors costs one pass and memory
// for those paths alone; the YAML parser would build a node tree many times the file's size.

interface Frame {
  node: PathNode | null;
  array: boolean;
  index: number;
  key: string | null;
}

export class JsonLineFinder extends PathLines {
  constructor(text: string, paths: readonly (readonly PathSegment[])[]) {
    super(paths);
    this.scan(text);
  }

  private scan(text: string): void {
    const stack: Frame[] = [];
    let line = 1;
    // The trie node of the value about to start; null when no asked path goes through it.
    const valueNode = (): PathNode | null => {
      if (stack.length === 0) return this.root;
      const top = stack[stack.length - 1]!;
      if (top.node === null) return null;
      return top.node.children.get(top.array ? top.index : (top.key ?? '')) ?? null;
    };
    const startValue = () => {
      const node = valueNode();
      if (node && node.line === undefined) node.line = line;
      return node;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line += 1;
      else if (c === 123 || c === 91) {
        const node = startValue();
        stack.push({ node, array: c === 91, index: 0, key: null });
      } else if (c === 125 || c === 93) stack.pop();
      else if (c === 44) {
        const top = stack[stack.length - 1];
        if (top?.array) top.index += 1;
        else if (top) top.key = null;
      } else if (c === 34) {
        let end = i + 1;
        while (text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
        const top = stack[stack.length - 1];
        if (top && !top.array && top.key === null)
          top.key = JSON.parse(text.slice(i, end + 1)) as string;
        else startValue();
        i = end;
      } else if (c !== 32 && c !== 9 && c !== 13 && c !== 58) {
        startValue();
        while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i += 1;
      }
    }
  }
}
