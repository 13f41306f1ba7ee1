import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { inProject } from '../paths.js';

/** The file the README and GraphiQL share, so the examples shown are the examples tested. */
export const OPERATIONS_FILE = inProject('examples', 'operations.graphql');

export interface ExampleOperation {
  name: string;
  /** The operation's text as written, with the comment block right above it. */
  query: string;
}

/**
 * Splits a document into its named operations, each runnable on its own (a GraphiQL tab).
 * Fragments are refused: a tab holding one operation would not carry the fragments it spreads.
 */
export function splitOperations(text: string): ExampleOperation[] {
  const document = parse(text);
  const out: ExampleOperation[] = [];
  let previousEnd = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name || !definition.loc) {
      throw new Error(
        'examples: every definition must be a named operation (no fragments, no anonymous queries)',
      );
    }
    const { start, end } = definition.loc;
    out.push({
      name: definition.name.value,
      query: `${leadingComment(text.slice(previousEnd, start))}${text.slice(start, end)}\n`,
    });
    previousEnd = end;
  }
  if (out.length === 0) throw new Error('examples: no operation found');
  return out;
}

// The last paragraph before an operation, when it is all comment lines, describes that operation;
// a blank line separates it from the file's own header.
function leadingComment(gap: string): string {
  const paragraphs = gap.trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1]?.trim() ?? '';
  if (last === '' || !last.split('\n').every((line) => line.trim().startsWith('#'))) return '';
  return `${last
    .split('\n')
    .map((line) => line.trim())
    .join('\n')}\n`;
}

export function loadOperations(file = OPERATIONS_FILE): ExampleOperation[] {
  return splitOperations(readFileSync(file, 'utf8'));
}
