import jsYaml from 'js-yaml';
import { YAML_CORE_SCHEMA } from './core-yaml.js';
import { PathLines, type PathNode } from './path-lines.js';
import type { PathSegment } from './problems.js';

// Lines of problems in a large YAML register (one js-yaml read: parse.ts), found by reading it
// again with js-yaml and following its node events, recording only the nodes on the paths asked
// for. The yaml package's own positions need its node tree: for a 50 MB register that took over a
// minute and gigabytes. js-yaml's events do not say which node is a key; the register's value,
// already read, does: a mapping's children alternate key and value. Every event is checked against
// that value, and at the first that does not fit the scan gives up (lines() answers null) and the
// caller asks the yaml package.

interface Frame {
  node: PathNode | null;
  /** The node's value as read before; for a key, undefined. */
  value: unknown;
  key: boolean;
  /** Mapping: the key whose value comes next (null: a key comes next). Sequence: the next index. */
  nextKey: string | null;
  index: number;
  /** The same node as its parent's (see open()). */
  nested: boolean;
  /** Where the node's text starts. */
  start: number;
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where the node that starts at or after `position` begins, and its line (1-based): separation and comments skipped. */
function startOf(input: string, position: number, line: number): { at: number; line: number } {
  let i = position;
  let lines = line;
  for (;;) {
    const c = input.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) i++;
    else if (c === 10) {
      i++;
      lines++;
    } else if (c === 35) {
      while (i < input.length && input.charCodeAt(i) !== 10) i++;
    } else return { at: i, line: lines + 1 };
  }
}

function nestedIn(parent: Frame, input: string, at: number): boolean {
  if (parent.key || !(isMap(parent.value) || Array.isArray(parent.value))) return true;
  // A block mapping's first key starts where the mapping does too: it is nested only if a flow
  // collection of the parent's kind starts there.
  return at === parent.start && input[at] === (isMap(parent.value) ? '{' : '[');
}

/** The lines of `paths` in `text`, whose value (read by js-yaml) is `value`; null when the scan cannot vouch for them. */
export function yamlLines(
  text: string,
  value: unknown,
  paths: readonly (readonly PathSegment[])[],
): PathLines | null {
  const lines = new PathLines(paths);
  const stack: Frame[] = [];
  let fits = true;
  const open = (state: jsYaml.State) => {
    const parent = stack[stack.length - 1];
    const start = startOf(state.input, state.position, state.line);
    let frame: Frame;
    const fresh = { nextKey: null, index: 0, nested: false, start: start.at };
    if (!parent) frame = { ...fresh, node: lines.root, value, key: false };
    // js-yaml reads a block sequence's item (and the document) as a node that may be a block
    // mapping, and reads what it finds inside as a node of its own: a scalar, or a flow collection
    // that starts where the item starts. Two events for one node: the inner one is "nested".
    else if (nestedIn(parent, state.input, start.at))
      frame = { ...fresh, node: parent.node, value: parent.value, key: parent.key, nested: true };
    else if (isMap(parent.value) && parent.nextKey === null)
      frame = { ...fresh, node: null, value: undefined, key: true };
    else if (isMap(parent.value))
      frame = {
        ...fresh,
        node: parent.node?.children.get(parent.nextKey!) ?? null,
        value: parent.value[parent.nextKey!],
        key: false,
      };
    else if (parent.index < (parent.value as unknown[]).length)
      frame = {
        ...fresh,
        node: parent.node?.children.get(parent.index) ?? null,
        value: (parent.value as unknown[])[parent.index],
        key: false,
      };
    else return void (fits = false);
    if (frame.node && frame.node.line === undefined) frame.node.line = start.line;
    stack.push(frame);
  };
  const close = (state: jsYaml.State) => {
    const frame = stack.pop()!;
    const parent = stack[stack.length - 1];
    // A scalar must be the value read before; a collection, of the same kind.
    const same =
      frame.key ||
      (isMap(frame.value)
        ? state.kind === 'mapping'
        : Array.isArray(frame.value)
          ? state.kind === 'sequence'
          : Object.is(state.result, frame.value));
    if (!same) return void (fits = false);
    if (!parent || frame.nested) return;
    if (frame.key) {
      const key = String(state.result);
      if (!isMap(parent.value) || !Object.hasOwn(parent.value, key)) return void (fits = false);
      parent.nextKey = key;
    } else if (isMap(parent.value)) parent.nextKey = null;
    else parent.index++;
  };
  try {
    jsYaml.load(text, {
      schema: YAML_CORE_SCHEMA,
      listener: (event, state) => {
        if (fits) (event === 'open' ? open : close)(state);
      },
    });
  } catch {
    return null;
  }
  return fits && stack.length === 0 ? lines : null;
}
