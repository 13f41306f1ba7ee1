import type { BreachReport } from '../domain/breach-report.js';
import type { Party } from '../domain/model.js';
import { text } from '../notify/markdown.js';
import { breachItems } from './breach-items.js';

// The draft as Markdown (Japanese, each part with its English rendering) and as JSON for scripts.

const BLANK = '（未記入 / to be filled in）';
const ref = (p: Party) => ({ id: p.id, name: p.name });
const name = (p: Party) => text(`${p.name} (${p.id})`);

export function breachReportJson(r: BreachReport) {
  return {
    incident: r.incident.id,
    controller: ref(r.controller),
    exposure: r.exposure,
    aware: r.aware,
    filer: ref(r.controller),
    informers: r.informers.map((i) => ({
      party: ref(i.party),
      informs: ref(i.informs),
      entrustment: i.entrustment.id,
      disclosed: i.entrustment.disclosed,
    })),
    required: r.appi?.required ?? null,
    triggers: r.appi?.triggers ?? [],
    deadlines: (r.appi?.deadlines ?? []).map((d) => ({
      kind: d.kind,
      due: d.due,
      description: d.description,
    })),
    items: breachItems(r).map((i) => ({ ...i, filled: i.text !== null })),
  };
}

export function breachReportMarkdown(r: BreachReport): string {
  const appi = r.appi;
  const lines = [
    '# 漏えい等報告（下書き） / Draft breach report to the PPC',
    '',
    `- 事案 / Incident: \`${r.incident.id}\` at ${name(r.leakingParty)}`,
    `- 報告者 / Filed by: ${name(r.controller)}`,
    `- 影響 / Exposure: ${r.exposure}${r.aware ? '' : ' — 未把握 / unaware: nobody in the chain will tell this controller'}`,
    '',
    '## 報告義務と期限 / Duty to report and deadlines',
    '',
  ];
  if (!appi)
    lines.push(
      'APPI does not bind this controller (its country is not JP). / 個人情報保護法の報告義務の対象外。',
    );
  else {
    lines.push(
      `- 報告義務 / Required: ${appi.required ? 'あり / yes' : 'なし / no'} (${text(appi.citation)})`,
      ...appi.deadlines.map(
        (d) =>
          `- ${d.kind}: ${d.due ?? (r.clockStarted ? 'promptly / 速やかに' : 'not started / 未開始')} — ${text(d.description)}`,
      ),
    );
  }
  lines.push(
    '',
    '## 誰が報告するか / Who files',
    '',
    `- 報告する者 / Files the report: ${name(r.controller)}（委託元 / the entrusting business）`,
    '- 委託元への通知のみ / Only inform their client (APPI Art. 26(1) proviso, when they informed it promptly):',
    ...r.informers.map(
      (i) =>
        `  - ${name(i.party)} → ${name(i.informs)}${i.entrustment.disclosed ? '' : ' — 当社に未開示 / not disclosed to the controller'}`,
    ),
  );
  for (const item of breachItems(r))
    lines.push(
      '',
      `## ${item.number}. ${item.title} / ${item.titleEn}`,
      '',
      item.text === null ? BLANK : item.text.split('\n').map(text).join('  \n'),
      // The English rendering keeps the item's lines, as the Japanese does: one quote, hard breaks.
      ...(item.textEn === null
        ? []
        : [
            '',
            item.textEn
              .split('\n')
              .map((line) => `> ${text(line)}`)
              .join('  \n'),
          ]),
    );
  return `${lines.join('\n')}\n`;
}
