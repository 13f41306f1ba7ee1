import { Option, type Command } from 'commander';
import { redelegationFindings, type Finding } from '../../domain/redelegation.js';
import type { Severity } from '../../domain/severity.js';
import { EXIT, parseDate } from '../exit-codes.js';
import { formatOption, toJson, type Format, type Output } from '../output.js';
import { GraphBuilder, toDot, toMermaid } from '../render/graph.js';
import { party, table } from '../render/table.js';
import { namesOf, partyRef, withStore } from '../store-session.js';

const RANK: Record<Severity, number> = { HIGH: 3, MEDIUM: 2, LOW: 1 };

interface FindingsOptions {
  controller?: string;
  asOf?: string;
  failOn?: 'high' | 'medium' | 'low';
  format: Format;
}

export function registerFindings(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
  setExit: (code: number) => void,
): void {
  program
    .command('findings')
    .description(
      're-delegation that breaks a clause: FORBIDDEN, UNAPPROVED (incl. the My Number rule), UNDISCLOSED',
    )
    .option('--controller <id>', 'only the chain of this controller')
    .option('--as-of <date>', 'only links in force on this date', parseDate)
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when a finding is at or above this severity',
      ).choices(['high', 'medium', 'low']),
    )
    .addOption(formatOption())
    .action(async (o: FindingsOptions) => {
      await withStore(env, async (store) => {
        const findings = await redelegationFindings(store, {
          controller: o.controller ?? null,
          asOf: o.asOf ?? null,
        });
        const names = await namesOf(
          store,
          findings.flatMap((f) => [
            f.entrustment.client,
            f.entrustment.contractor,
            f.upstream.client,
            ...f.missingApprovals,
          ]),
        );
        output.out(render(findings, names, o.format, output.width));
        const threshold = o.failOn ? RANK[o.failOn.toUpperCase() as Severity] : Infinity;
        if (findings.some((f) => RANK[f.severity] >= threshold)) setExit(EXIT.FINDINGS);
      });
    });
}

/** The documented JSON shape of `findings` (README, "JSON output"). */
export function findingsJson(findings: Finding[], names: Map<string, string>) {
  const ref = (id: string) => partyRef(names, id);
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    inferred: f.inferred,
    entrustment: {
      id: f.entrustment.id,
      client: ref(f.entrustment.client),
      contractor: ref(f.entrustment.contractor),
      data: f.entrustment.data,
    },
    upstream: {
      id: f.upstream.id,
      client: ref(f.upstream.client),
      reentrustment: f.upstream.reentrustment,
    },
    missingApprovals: f.missingApprovals.map(ref),
    explanation: f.explanation,
  }));
}

function render(
  findings: Finding[],
  names: Map<string, string>,
  format: Format,
  width: number,
): string {
  if (format === 'json') return toJson(findingsJson(findings, names));
  if (format === 'mermaid' || format === 'dot') {
    const g = new GraphBuilder(names);
    for (const f of findings) {
      g.node(f.upstream.client, 'controller');
      g.node(f.entrustment.contractor, 'finding');
      g.edge(f.upstream.client, f.upstream.contractor, !f.upstream.disclosed);
      g.edge(
        f.entrustment.client,
        f.entrustment.contractor,
        !f.entrustment.disclosed,
        f.rule === 'UNDISCLOSED' ? undefined : f.rule,
        f.inferred,
      );
    }
    const graph = g.build('Re-delegation findings');
    return format === 'mermaid' ? toMermaid(graph) : toDot(graph);
  }
  if (findings.length === 0) return 'No re-delegation findings.\n';
  const rows = findings.map((f) => [
    f.severity,
    f.rule + (f.inferred ? ' (inferred)' : ''),
    `${party(names, f.entrustment.client)} → ${party(names, f.entrustment.contractor)}`,
    `${party(names, f.upstream.client)} → ${party(names, f.upstream.contractor)}`,
    f.explanation,
  ]);
  return table(['severity', 'rule', 're-entrustment', 'performs', 'why'], rows, width);
}
