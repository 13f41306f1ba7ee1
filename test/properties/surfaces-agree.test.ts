import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { stringify } from 'yaml';
import { run } from '../../src/cli/main.js';
import type {
  BlastRadiusAnswer,
  CertificationAlert,
  ChainAnswer,
  Finding,
} from '../../src/explorer/model/answers.js';
import { buildBlastGraph } from '../../src/explorer/model/blast-graph.js';
import { buildChainGraph } from '../../src/explorer/model/chain-graph.js';
import { BLAST_RADIUS, SUPPLY_CHAIN } from '../../src/explorer/model/queries.js';
import { appWith, gql } from '../helpers/app.js';
import { registerArbitrary } from '../helpers/register-arbitrary.js';

// One question, three surfaces: for random registers, the CLI's JSON, GraphQL and the explorer's
// picture (built from the answer the page fetches) name the same controllers exposed by a leak,
// the same parties spared, and the same members of a supply chain. A surface that dropped or
// added one would tell a responder something the others do not.

const RUNS = 15;
const date = fc
  .date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z') })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => d.toISOString().slice(0, 10));
const question = fc.record({
  leak: fc.nat(),
  controller: fc.nat(),
  from: fc.option(date, { nil: undefined }),
  to: fc.option(date, { nil: undefined }),
  asOf: fc.option(date, { nil: undefined }),
  // What leaked, as a responder types it: general keys and specific ones (absent: any data).
  data: fc.option(
    fc.subarray(['user.name', 'user.contact', 'user.contact.email', 'user.financial'], {
      minLength: 1,
    }),
    { nil: undefined },
  ),
});

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

async function cliJson(dataDir: string, argv: string[]): Promise<any> {
  const out: string[] = [];
  const sink = (s: string) => out.push(s);
  const code = await run(
    [...argv, '--format', 'json'],
    { STORE: 'embedded', DATA_DIR: dataDir },
    {
      out: sink,
      err: sink,
      width: 120,
    },
  );
  if (code !== 0) throw new Error(`vendor-chain ${argv.join(' ')} exited ${code}: ${out.join('')}`);
  return JSON.parse(out.join(''));
}

t.test('the CLI, GraphQL and the explorer give the same sets for the same question', async (t) => {
  let withExposure = 0;
  let withMembers = 0;
  await fc.assert(
    fc.asyncProperty(registerArbitrary, question, async (register, q) => {
      if (register.parties.length === 0) return;
      const text = stringify(register);
      const dir = await mkdtemp(join(tmpdir(), 'vc-surfaces-'));
      try {
        await writeFile(join(dir, 'r.yaml'), text);
        const dataDir = join(dir, 'data');
        const imported = await run(
          ['import', join(dir, 'r.yaml')],
          { DATA_DIR: dataDir },
          {
            out: () => undefined,
            err: () => undefined,
            width: 120,
          },
        );
        if (imported !== 0) throw new Error('the generated register does not import');
        const app = await appWith(t, text);

        // Leaks at contractors and chains of clients: parties that have answers to give.
        const ents = register.entrustments;
        const leak = ents.length
          ? (ents[q.leak % ents.length]!.contractor as string)
          : register.parties[q.leak % register.parties.length]!.id;
        const [from, to] = q.from && q.to && q.from > q.to ? [q.to, q.from] : [q.from, q.to];
        const window = { ...(from ? { from } : {}), ...(to && to !== from ? { to } : {}) };
        const data = q.data ? { data: q.data } : {};
        const asked = await gql(app, BLAST_RADIUS, { party: leak, ...window, ...data });
        if (asked.errors) throw new Error(JSON.stringify(asked.errors));
        const answer = asked.data.blastRadius as BlastRadiusAnswer;
        const cli = await cliJson(dataDir, [
          'impact',
          '--party',
          leak,
          ...(window.from ? ['--from', window.from] : []),
          ...(window.to ? ['--to', window.to] : []),
          ...(q.data ? ['--data', ...q.data] : []),
        ]);
        const picture = buildBlastGraph(answer, Number.POSITIVE_INFINITY);
        const exposed = sorted(answer.controllers.map((c) => c.party.id));
        if (exposed.length > 0) withExposure++;
        t.same(sorted(cli.controllers.map((c: any) => c.party.id)), exposed, 'CLI = GraphQL');
        // The same categories exposed, controller by controller.
        const dataOf = (cs: { party: { id: string }; data: string[] }[]) =>
          cs.map((c) => [c.party.id, sorted(c.data)]).sort();
        t.same(dataOf(cli.controllers), dataOf(answer.controllers), 'the same data exposed');
        t.same(
          sorted(picture.nodes.filter((n) => n.kind === 'controller').map((n) => n.id)),
          exposed,
          'explorer = GraphQL',
        );
        t.same(
          sorted(cli.notExposed.map((m: any) => m.party.id)),
          sorted(answer.notExposed.map((m) => m.party.id)),
          'the same parties spared',
        );

        const controller = ents.length
          ? (ents[q.controller % ents.length]!.client as string)
          : register.parties[q.controller % register.parties.length]!.id;
        const asOf = q.asOf ? { asOf: q.asOf } : {};
        const chainAsked = await gql(app, SUPPLY_CHAIN, { controller, ...asOf });
        if (chainAsked.errors) throw new Error(JSON.stringify(chainAsked.errors));
        const chain = chainAsked.data.supplyChain as ChainAnswer;
        const findings = chainAsked.data.redelegationFindings as Finding[];
        const alerts = chainAsked.data.certificationAlerts as CertificationAlert[];
        const cliChain = await cliJson(dataDir, [
          'chain',
          '--controller',
          controller,
          ...(q.asOf ? ['--as-of', q.asOf] : []),
        ]);
        const members = sorted(chain.members.map((m) => m.party.id));
        if (members.length > 0) withMembers++;
        t.same(
          sorted(cliChain.members.map((m: any) => m.party.id)),
          members,
          'chain: CLI = GraphQL',
        );
        // The explorer draws the controller once, as the controller, also where its data comes
        // back to it through a cycle (then GraphQL lists it among the members too).
        t.same(
          sorted(buildChainGraph(chain, findings, alerts, null).nodes.map((n) => n.id)),
          sorted([...members, controller]),
          'chain: explorer = GraphQL',
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: RUNS },
  );
  // Empty sets agree trivially: the generated registers must ask questions with answers.
  t.ok(withExposure > 0, `${withExposure} of ${RUNS} leaks exposed someone`);
  t.ok(withMembers > 0, `${withMembers} of ${RUNS} chains had members`);
});
