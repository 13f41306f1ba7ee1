import t from 'tap';
import { run } from '../../src/cli/main.js';
import { parseDate } from '../../src/cli/exit-codes.js';

// Every date option of every command goes through the parser the GraphQL Date scalar uses: an
// impossible day is exit 2 naming the option and the value, before any store is opened.

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    args,
    {},
    { out: (s) => out.push(s), err: (s) => err.push(s), width: 100 },
  );
  return { code, out: out.join(''), err: err.join('\n') };
}

/** The date options each command lists in its --help, so a new command is covered by itself. */
async function dateOptions(): Promise<[string, string][]> {
  const commands = [...(await cli(['--help'])).out.matchAll(/^ {2}([a-z0-9-]+)\b/gm)]
    .map((m) => m[1]!)
    .filter((c) => c !== 'help');
  const found: [string, string][] = [];
  for (const command of commands) {
    const help = (await cli([command, '--help'])).out;
    for (const m of help.matchAll(/(--[a-z-]+) <date>/g)) found.push([command, m[1]!]);
  }
  return found;
}

t.test(
  'an impossible date is exit 2 naming the option and the value, in every command',
  async (t) => {
    const options = await dateOptions();
    const commands = new Set(options.map(([c]) => c));
    for (const c of ['chain', 'impact', 'findings', 'concentration', 'certifications', 'changes'])
      t.ok(commands.has(c), `${c} has a date option`);
    for (const [command, option] of options)
      for (const bad of ['2014-02-31', '2023-02-29', '2014-2-3']) {
        const r = await cli([command, option, bad]);
        t.equal(r.code, 2, `${command} ${option} ${bad}`);
        t.match(r.err, `option '${option} <date>' argument '${bad}' is invalid`);
        t.match(r.err, `expected a date like 2014-09-25, got "${bad}"`);
      }
  },
);

t.test('the CLI takes the days the calendar has, leap days included', async (t) => {
  for (const good of ['2024-02-29', '2000-02-29', '2014-09-25', '2014-12-31'])
    t.equal(parseDate(good), good);
  for (const bad of ['1900-02-29', '2014-04-31', '2014-00-10', '2014-09-25T00:00'])
    t.throws(() => parseDate(bad), { message: `expected a date like 2014-09-25, got "${bad}"` });
});
