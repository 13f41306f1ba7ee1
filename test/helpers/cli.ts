import { run } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  /** What the command printed, each print a line of its own. */
  out: string;
  err: string;
}

/** The CLI run in this process, as a person runs it, on a terminal `width` columns wide. */
export async function cli(
  args: string[],
  env: Record<string, string>,
  width = 140,
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, env, {
    out: (s) => out.push(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => err.push(s),
    width,
  });
  return { code, out: out.join(''), err: err.join('\n') };
}
