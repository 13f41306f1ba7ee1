import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

// The console examples of the README and of docs/ are real runs: every `$ npx vendor-chain …`
// line is run in order on one fresh embedded store per page (a page's own `import` loads the demo
// register), at a width of 120 columns, and its output is written under it; `$ echo $?` shows the
// previous exit code. The clock and the CLI's user are fixed (SOURCE_DATE_EPOCH, CLI_USER, as
// docs/registers.md says), so the revisions and retirement dates it shows are the same on every
// machine and every day.

const COMMAND = /^\$ npx vendor-chain (.*)$/;
export const WIDTH = 120;

/** Split a shell-like argument line: words, with "double" or 'single' quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The README with every console block's outputs replaced by those of real runs. */
export async function renderExamples(readme: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vc-readme-'));
  const env = {
    STORE: 'embedded',
    DATA_DIR: join(dir, 'data'),
    SOURCE_DATE_EPOCH: '1711962000',
    CLI_USER: 'officer',
  };
  let last = 0;
  try {
    const blocks = readme.split(/(```console\n[\s\S]*?```)/);
    for (let i = 1; i < blocks.length; i += 2) {
      const lines: string[] = [];
      for (const line of blocks[i]!.split('\n').filter((l) => l.startsWith('$ '))) {
        lines.push(line);
        const command = COMMAND.exec(line);
        if (line === '$ echo $?') lines.push(String(last));
        else if (!command)
          throw new Error(
            `README: a console example runs something other than vendor-chain: ${line}`,
          );
        else {
          const output: string[] = [];
          const sink = (s: string) => output.push(s.endsWith('\n') ? s : `${s}\n`);
          last = await run(words(command[1]!), env, { out: sink, err: sink, width: WIDTH });
          lines.push(output.join('').replace(/\n+$/, ''));
        }
      }
      blocks[i] = `\`\`\`console\n${lines.join('\n')}\n\`\`\``;
    }
    return blocks.join('');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
