import { Option, type Command } from 'commander';
import { notificationPackets } from '../../domain/notification-packets.js';
import { packetJson } from '../../notify/packet-json.js';
import { packetMarkdown } from '../../notify/packet-markdown.js';
import { PACKET_WORDS } from '../../notify/packet-words.js';
import { OutputDirError, packetFileName, writePackets } from '../../notify/write-packets.js';
import { UsageError } from '../exit-codes.js';
import type { Output } from '../output.js';
import { withStore } from '../store-session.js';

interface NotifyOptions {
  incident: string;
  controller?: string;
  out?: string;
  format: 'md' | 'json';
  lang: 'en' | 'ja';
}

export function registerNotify(
  program: Command,
  output: Output,
  env: Record<string, string | undefined>,
): void {
  program
    .command('notify')
    .description(
      'one notification packet per controller an incident reaches: why (paths, sources), which data, records, deadlines, contact, and whether it is unaware',
    )
    .requiredOption('--incident <id>', 'the incident')
    .option('--controller <id>', 'only the packet of this affected controller')
    .option(
      '--out <dir>',
      'write one file per controller into this directory (made if missing) instead of printing them',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'md (Markdown) for people, json for scripts (on stdout: one packet per line)',
      )
        .choices(['md', 'json'])
        .default('md'),
    )
    .addOption(
      new Option(
        '--lang <lang>',
        'the language of Markdown packets (JSON keeps its field names and codes)',
      )
        .choices(['en', 'ja'])
        .default('en'),
    )
    .action(async (o: NotifyOptions) => {
      await withStore(env, async (store) => {
        const { incident, packets, truncated } = await notificationPackets(
          store,
          o.incident,
          o.controller,
        );
        if (truncated)
          output.err(
            `vendor-chain: warning: the blast radius of ${incident.id} has more paths than it counts: some packets list a sample of the paths (every controller has its packet)`,
          );
        if (packets.length === 0)
          return output.err(`vendor-chain: ${incident.id} reaches no controller: no packets`);
        const render = (p: (typeof packets)[number]) =>
          o.format === 'json'
            ? `${JSON.stringify(packetJson(p), null, 2)}\n`
            : packetMarkdown(p, PACKET_WORDS[o.lang]);
        if (!o.out) {
          const text =
            o.format === 'json'
              ? packets.map((p) => JSON.stringify(packetJson(p))).join('\n')
              : packets.map(render).join('\n---\n\n');
          return output.out(text);
        }
        const files = packets.map((p) => ({
          name: packetFileName(incident.id, p.controller.party, o.format),
          content: render(p),
        }));
        try {
          for (const path of await writePackets(o.out, files)) output.out(path);
        } catch (error) {
          if (error instanceof OutputDirError) throw new UsageError(error.message);
          throw error;
        }
      });
    });
}
