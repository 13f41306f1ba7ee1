import type { z } from 'zod';
import type { PathSegment, ProblemList } from './problems.js';

// Turns zod's issues into problems a person can act on: the field, what was expected, what was
// found. Messages written in the model (dates, ids, countries) are kept as they are.

export function addSchemaIssues(problems: ProblemList, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const at = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.add([...at, key], `unknown key "${key}"`);
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      problems.add(at, `required: expected ${article(issue.expected)}`);
    } else if (issue.code === 'invalid_value' && issue.input === undefined) {
      problems.add(
        at,
        `required: ${isDefaultMessage(issue.message) ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : issue.message}`,
      );
    } else if (issue.code === 'invalid_type' && isDefaultMessage(issue.message)) {
      problems.add(at, `expected ${article(issue.expected)}, got ${describe(issue.input)}`);
    } else if (issue.code === 'invalid_value' && isDefaultMessage(issue.message)) {
      problems.add(
        at,
        `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(issue.input)}`,
      );
    } else if (
      issue.code === 'invalid_type' ||
      issue.code === 'invalid_format' ||
      issue.code === 'invalid_value'
    ) {
      problems.add(at, `${issue.message}; got ${describe(issue.input)}`);
    } else if (issue.code === 'custom' && isPrimitive(issue.input)) {
      problems.add(at, `${issue.message}; got ${describe(issue.input)}`);
    } else {
      problems.add(at, issue.message);
    }
  }
}

function isPrimitive(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isDefaultMessage(message: string): boolean {
  return message.startsWith('Invalid');
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping';
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
