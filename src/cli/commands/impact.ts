import { Option, type Command } from 'commander';
import {
  blastRadius,
  DEFAULT_PATHS_PER_CONTROLLER,
  type BlastRadius,
} from '../../domain/blast-radius.js';
import { resolveLeak } from '../../domain/leak.js';
import { parseDate, parsePositive, UsageError } from '../exit-codes.js';
import { formatOption, toJson, type Format, type Output } from '../output.js';
import { GraphBuilder, toDot, toMermaid } from '../render/graph.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

interface ImpactOptions {
  incident?: string;
  party?: string;
  from?: string;
  to?: string;
  data?: string[];
  maxPaths: number;
  format: Format;
}

export function registerImpact(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('impact')
    .description('blast radius of a leak: every affected controller, with the paths that prove it')
    .option('--incident <id>', 'an incident in the register')
    .option(
      '--party <id>',
      'or: a hypothetical leak at this party, with the optional window and data below',
    )
    .option(
      '--from <date>',
      'with --party: first day of the leak, inclusive (default: open)',
      parseDate,
    )
    .option(
      '--to <date>',
      'with --party: first day after the leak, exclusive (default: open)',
      parseDate,
    )
    .option('--data <categories...>', 'with --party: the data categories leaked (default: any)')
    .addOption(
      new Option('--max-paths <n>', 'paths shown per controller')
        .argParser(parsePositive)
        .default(DEFAULT_PATHS_PER_CONTROLLER),
    )
    .addOption(formatOption())
    .action(async (o: ImpactOptions) => {
      if (!o.incident && !o.party)
        throw new UsageError(
          'give --incident ID, or --party ID (optionally with --from, --to and --data)',
        );
      await withStore(env, async (store) => {
        const leak = await resolveLeak(store, {
          incident: o.incident ?? null,
          party: o.party ?? null,
          from: o.from ?? null,
          to: o.to ?? null,
          data: o.data ?? null,
        });
        const result = await blastRadius(store, leak, { maxPathsPerController: o.maxPaths });
        const names = await namesOf(store, involvedParties(result));
        output.out(render(result, names, o.format, output.width));
      });
    });
}

function involvedParties(r: BlastRadius): string[] {
  const hops = [
    ...r.controllers.flatMap((c) => c.paths.flatMap((p) => p.hops)),
    ...r.notExposed.flatMap((n) => n.hops),
  ];
  return [
    r.leak.party,
    ...r.controllers.map((c) => c.party),
    ...hops.flatMap((h) => [h.client, h.contractor]),
  ];
}

/** The documented JSON shape of `impact` (README, "JSON output"). */
export function impactJson(r: BlastRadius, names: Map<string, string>) {
  const ref = (id: string) => partyRef(names, id);
  const hop = (h: BlastRadius['notExposed'][number]['entrustment']) => ({
    id: h.id,
    client: h.client,
    contractor: h.contractor,
    from: h.from ?? null,
    to: h.to ?? null,
    disclosed: h.disclosed,
  });
  return {
    leak: {
      party: ref(r.leak.party),
      incident: r.leak.incident ?? null,
      from: r.leak.window.from ?? null,
      to: r.leak.window.to ?? null,
      data: r.leak.data,
    },
    controllers: r.controllers.map((c) => ({
      party: ref(c.party),
      exposure: c.exposure,
      aware: c.aware,
      data: c.data,
      records: c.records ?? null,
      pathCount: c.pathCount,
      paths: c.paths.map((p) => ({
        exposure: p.exposure,
        aware: p.aware,
        links: p.links,
        hops: p.hops.map(hop),
      })),
    })),
    notExposed: r.notExposed.map((n) => ({
      party: ref(n.entrustment.client),
      entrustment: n.entrustment.id,
      link: n.link,
      reason: n.reason,
      detail: n.detail,
    })),
    notExposedCount: r.notExposedCount,
    truncated: r.truncated,
  };
}

function render(r: BlastRadius, names: Map<string, string>, format: Format, width: number): string {
  if (format === 'json') return toJson(impactJson(r, names));
  if (format === 'mermaid' || format === 'dot') {
    const g = new GraphBuilder(names);
    for (const c of r.controllers) g.node(c.party, 'controller');
    g.node(r.leak.party, 'leak');
    for (const c of r.controllers)
      for (const p of c.paths)
        for (const h of p.hops)
          g.edge(h.client, h.contractor, !h.disclosed, undefined, p.exposure !== 'CONFIRMED');
    const graph = g.build(`Blast radius of ${r.leak.incident ?? `a leak at ${r.leak.party}`}`);
    return format === 'mermaid' ? toMermaid(graph) : toDot(graph);
  }
  const title = `Blast radius of ${r.leak.incident ?? 'a leak'} at ${party(names, r.leak.party)}, window ${r.leak.window.from ?? 'open'} → ${r.leak.window.to ?? 'open'}`;
  const rows = r.controllers.map((c) => [
    party(names, c.party),
    c.exposure,
    c.aware ? 'yes' : 'NO',
    c.data.join(' '),
    c.paths
      .map((p) =>
        [
          p.hops[0]?.client ?? '',
          ...p.hops.map((h) => (h.disclosed ? '→ ' : '⇢ (undisclosed) ') + h.contractor),
        ].join(' '),
      )
      .join('\n'),
  ]);
  const exposed =
    r.controllers.length === 0
      ? 'No controller is exposed.\n'
      : table(['controller', 'exposure', 'aware', 'exposed data', 'paths'], rows, width);
  const shown =
    r.notExposed.length < r.notExposedCount
      ? ` (the first ${r.notExposed.length} of ${r.notExposedCount})`
      : '';
  const why = (n: BlastRadius['notExposed'][number]) =>
    n.link === 'inferred' ? `${n.reason} (inferred)` : n.reason;
  const spared =
    r.notExposed.length === 0
      ? ''
      : `\nNot exposed${shown}:\n${table(
          ['party', 'why', 'detail'],
          r.notExposed.map((n) => [party(names, n.entrustment.client), why(n), n.detail]),
          width,
        )}`;
  return `${title}\n${exposed}${spared}${r.truncated ? '\n(truncated: the graph is larger than the walk bound; this is a lower bound)\n' : ''}`;
}
