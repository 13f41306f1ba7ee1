import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { waitForLine as waitForChildLine } from '../../bench/child-line.js';
import { inProject } from '../../src/paths.js';

/** Run a TypeScript entry point of the project in a child Node, with the loader tap gave us. */
export function spawnTs(
  entry: string,
  args: string[],
  env: Record<string, string>,
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...process.execArgv, inProject(entry), ...args], {
    cwd: inProject(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
}

/** The first stdout match of `pattern`, or a rejection when the child exits first (bench/child-line.ts). */
// Generous: a child compiles the project's TypeScript as it loads, slowly on a busy machine.
export function waitForLine(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 240_000,
): Promise<RegExpMatchArray> {
  return waitForChildLine(child, pattern, timeoutMs);
}

export function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.on('data', (c) => (stdout += c));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}
