import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { YAML_CORE_SCHEMA } from './core-yaml.js';
import { firstDuplicateKey } from './json-duplicates.js';
import type { PathSegment, Problem } from './problems.js';

// Registers are YAML or JSON (JSON is YAML). JSON goes through JSON.parse, which is many times
// faster on the large files a bulk import brings; the YAML parser is only needed to report
// syntax errors and line numbers, and is then run lazily, on documents that have problems.

export type Parsed =
  { ok: true; value: unknown; text: string; json: boolean } | { ok: false; problems: Problem[] };

export function parseRegisterText(text: string): Parsed {
  if (/^\s*\{/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not valid JSON: the YAML parser says where, and may still accept it as YAML flow.
    }
    if (value !== undefined) {
      const duplicate = firstDuplicateKey(text);
      if (duplicate === null) return { ok: true, value, text, json: true };
      return {
        ok: false,
        problems: [
          {
            path: '(document)',
            message: `duplicate key "${duplicate.key}" at column ${duplicate.column}: each key may appear once per object`,
            line: duplicate.line,
          },
        ],
      };
    }
  }
  const fast = fastYaml(text);
  if (fast !== undefined) return { ok: true, value: fast, text, json: false };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path: '(document)',
        message: `not valid YAML or JSON: ${firstLine(e.message)}`,
        line: lines.linePos(e.pos[0]).line,
      })),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), text, json: false };
  } catch (error) {
    // yaml refuses documents whose aliases expand beyond the count (a "billion laughs" bomb).
    if (!(error instanceof ReferenceError)) throw error;
    return {
      ok: false,
      problems: [
        {
          path: '(document)',
          message: `the YAML aliases expand too far (more than ${MAX_ALIASES} alias uses): write the values out instead of using anchors`,
        },
      ],
    };
  }
}

const MAX_ALIASES = 1000;

/** From this many characters a YAML register is read by js-yaml first. */
export const FAST_YAML_FROM = 1024 * 1024;

// Two YAML parsers, because the second pays: the yaml package builds a syntax tree with positions,
// which a person's errors need, and js-yaml reads a register 11 times as fast without them
// (`npm run bench:yaml -- 2000 10000`: 10.7 s against 0.95 s for 5 MiB, 42 s against 3.9 s for
// 25 MiB, on the 2-core dev machine under load; a 50 MB register took minutes with yaml alone).
// So a large register is read by js-yaml, here with the yaml package's own core schema
// (core-yaml.ts); if js-yaml refuses it (a syntax error, a duplicate key, a tag, several
// documents), the yaml package reads it again and says where. js-yaml does not count aliases (a
// "billion laughs" document would be a small graph of shared objects that later walks expand), so
// a text with any "*" in it, where an alias could be, is left to the yaml package, which does.
export function fastYaml(text: string, from = FAST_YAML_FROM): unknown {
  if (text.length < from || text.includes('*')) return undefined;
  try {
    // undefined (an empty document) falls through to the yaml package, whose answer is null.
    return jsYaml.load(text, { schema: YAML_CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Finds 1-based lines for document paths; built only when there are problems to place. */
export class LineFinder {
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, keepSourceTokens: false });
  }

  lineOf(path: readonly PathSegment[]): number | undefined {
    // A missing field has no node: its nearest present ancestor is where a person should look.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return undefined;
  }
}
