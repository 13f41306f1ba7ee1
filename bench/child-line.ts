import type { ChildProcess } from 'node:child_process';

/**
 * The first match of `pattern` in a child's stdout (which must be piped), or a rejection that
 * says what the child wrote to stderr, when it exits first or `timeoutMs` passes. Once settled it
 * stops listening: a server's log keeps coming, and matching the whole of it on every chunk would
 * cost the listener more and more.
 */
export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
  what = 'the child',
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onOut = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(pattern);
      if (match) settle(() => resolve(match));
    };
    const onErr = (chunk: Buffer) => (err += chunk.toString());
    const onExit = (code: number | null) =>
      settle(() =>
        reject(
          new Error(
            `${what} exited with ${code} before printing ${pattern}; stderr: ${err.slice(-2000)}`,
          ),
        ),
      );
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new Error(
              `${what} printed no line matching ${pattern} within ${timeoutMs} ms; stderr: ${err.slice(-2000)}`,
            ),
          ),
        ),
      timeoutMs,
    );
    function settle(then: () => void): void {
      clearTimeout(timer);
      child.stdout!.off('data', onOut);
      child.stderr!.off('data', onErr);
      child.off('exit', onExit);
      then();
    }
    child.stdout!.on('data', onOut);
    child.stderr!.on('data', onErr);
    child.once('exit', onExit);
  });
}
