import type { PathSegment } from './problems.js';

// The lines of the paths that problems name, filled in by a scan of the text (json-lines.ts,
// yaml-lines.ts) that records only the nodes on those paths: memory for the paths, not the file.

export interface PathNode {
  children: Map<PathSegment, PathNode>;
  line?: number;
}

export class PathLines {
  readonly root: PathNode = { children: new Map() };

  constructor(paths: readonly (readonly PathSegment[])[]) {
    for (const path of paths) {
      let node = this.root;
      for (const segment of path) {
        let child = node.children.get(segment);
        if (!child) node.children.set(segment, (child = { children: new Map() }));
        node = child;
      }
    }
  }

  /** The line of the deepest part of `path` the text has (a missing field: its object). */
  lineOf(path: readonly PathSegment[]): number | undefined {
    let node: PathNode | undefined = this.root;
    let line = this.root.line;
    for (const segment of path) {
      node = node.children.get(segment);
      if (node?.line === undefined) break;
      line = node.line;
    }
    return line;
  }
}
