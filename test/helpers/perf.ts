import type { Test } from 'tap';

/**
 * A timing threshold. On a 2-core machine shared with other work no time is trustworthy enough to
 * fail a build on, so `npm run test:perf` (which sets VC_PERF=1) asserts it, and every other run
 * reports it as a comment, with the figure.
 */
export function perfThreshold(t: Test, met: boolean, message: string): void {
  if (process.env.VC_PERF === '1') t.ok(met, message);
  else t.comment(`${met ? 'met' : 'MISSED'} (asserted by npm run test:perf): ${message}`);
}
