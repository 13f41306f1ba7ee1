import { Option, type Command } from 'commander';
import { breachReport } from '../../domain/breach-report.js';
import { breachReportJson, breachReportMarkdown } from '../../filings/breach-render.js';
import { toJson, type Output } from '../output.js';
import { withStore } from '../store-session.js';

export function registerBreachReport(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('breach-report')
    .description(
      "a draft of the PPC's breach report (漏えい等報告) for one controller an incident reaches: the nine items, deadlines, who files and who only informs",
    )
    .requiredOption('--incident <id>', 'the incident')
    .requiredOption('--controller <id>', 'the controller (one the incident reaches)')
    .addOption(
      new Option('-f, --format <format>', 'md for a person, json for scripts')
        .choices(['md', 'json'])
        .default('md'),
    )
    .action(async (o: { incident: string; controller: string; format: string }) => {
      const report = await withStore(env, (store) => breachReport(store, o.incident, o.controller));
      output.out(
        o.format === 'json' ? toJson(breachReportJson(report)) : breachReportMarkdown(report),
      );
    });
}
