import type { Command } from 'commander';
import { supplyChain, type SupplyChain } from '../../domain/supply-chain.js';
import { parseDate } from '../exit-codes.js';
import { asOfWords, formatOption, toJson, type Format, type Output } from '../output.js';
import { GraphBuilder, toDot, toMermaid } from '../render/graph.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

export function registerChain(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('chain')
    .description(
      "a controller's supply chain: every party its data reaches, with depth and link kind",
    )
    .requiredOption('--controller <id>', 'the controller')
    .option('--as-of <date>', 'only entrustments in force on this date', parseDate)
    .addOption(formatOption())
    .action(async (o: { controller: string; asOf?: string; format: Format }) => {
      await withStore(env, async (store) => {
        const chain = await supplyChain(store, o.controller, o.asOf);
        const names = await namesOf(store, [
          chain.controller,
          ...chain.links.flatMap((l) => [l.entrustment.client, l.entrustment.contractor]),
        ]);
        output.out(render(chain, names, o.format, output.width));
      });
    });
}

/** The documented JSON shape of `chain` (README, "JSON output"). */
export function chainJson(chain: SupplyChain, names: Map<string, string>) {
  return {
    controller: partyRef(names, chain.controller),
    asOf: chain.asOf ?? null,
    members: chain.members.map((m) => ({
      party: partyRef(names, m.party),
      depth: m.depth,
      link: m.link,
      countries: m.countries,
      via: m.via,
    })),
    links: chain.links.map((l) => ({
      entrustment: l.entrustment.id,
      client: l.entrustment.client,
      contractor: l.entrustment.contractor,
      upstream: l.upstream?.id ?? null,
      link: l.link,
      depth: l.depth,
      disclosed: l.entrustment.disclosed,
    })),
  };
}

function render(
  chain: SupplyChain,
  names: Map<string, string>,
  format: Format,
  width: number,
): string {
  if (format === 'json') return toJson(chainJson(chain, names));
  if (format === 'mermaid' || format === 'dot') {
    const g = new GraphBuilder(names);
    g.node(chain.controller, 'controller');
    for (const l of chain.links)
      g.edge(
        l.entrustment.client,
        l.entrustment.contractor,
        !l.entrustment.disclosed,
        undefined,
        l.link === 'inferred',
      );
    const graph = g.build(`Supply chain of ${chain.controller}${asOfWords(chain.asOf, true)}`);
    return format === 'mermaid' ? toMermaid(graph) : toDot(graph);
  }
  const title = `Supply chain of ${party(names, chain.controller)}${asOfWords(chain.asOf)}`;
  if (chain.members.length === 0) return `${title}\nNo entrustments in force.\n`;
  const rows = [...chain.members]
    .sort((a, b) => a.depth - b.depth || a.party.localeCompare(b.party))
    .map((m) => [m.depth, party(names, m.party), m.link, m.countries.join(' '), m.via.join(' ')]);
  return `${title}\n${table(['depth', 'party', 'link', 'countries', 'via'], rows, width)}`;
}
