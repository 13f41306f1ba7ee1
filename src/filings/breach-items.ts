import type { Trigger } from '../domain/breach-rules.js';
import type { BreachReport } from '../domain/breach-report.js';
import type { Party } from '../domain/model.js';

// The nine items of the PPC's 漏えい等報告 form (PPC Enforcement Rules Art. 8(1)), in Japanese with
// an English rendering, filled from the register where it knows them. An item the register cannot
// know is left visibly blank (filled: false) for the person who completes the report.

export interface BreachItem {
  number: number;
  title: string;
  titleEn: string;
  /** Null when the register does not know it. */
  text: string | null;
  textEn: string | null;
}

const KIND_JA: Record<string, string> = {
  'unauthorized-access': '不正アクセス',
  insider: '従業者等による不正な持出し等',
  misdelivery: '誤送付',
  misconfiguration: '設定の誤り',
  ransomware: 'ランサムウェア',
  'purpose-deviation': '目的外利用',
  other: 'その他',
};
const TRIGGER_JA: Record<Trigger, string> = {
  SPECIAL_CARE: '要配慮個人情報が含まれる（規則第7条第1号）',
  FINANCIAL_HARM: '不正に利用されることにより財産的被害が生じるおそれ（規則第7条第2号）',
  UNLAWFUL_PURPOSE: '不正の目的をもって行われたおそれ（規則第7条第3号）',
  OVER_1000: '本人の数が1,000人を超える（規則第7条第4号）',
};
const TRIGGER_EN: Record<Trigger, string> = {
  SPECIAL_CARE: 'special-care-required personal information (Rules Art. 7(i))',
  FINANCIAL_HARM: 'risk of property damage through misuse (Art. 7(ii))',
  UNLAWFUL_PURPOSE: 'possibly done for an unlawful purpose (Art. 7(iii))',
  OVER_1000: 'more than 1,000 people (Art. 7(iv))',
};

const name = (p: Party) => `${p.name} (${p.id})`;
const period = (from?: string, to?: string, ja = true) =>
  ja ? `${from ?? '不明'}から${to ?? '現在'}まで` : `from ${from ?? 'unknown'} to ${to ?? 'now'}`;

export function breachItems(r: BreachReport): BreachItem[] {
  const i = r.incident;
  const route = r.path.map((h) => h.contractor);
  const chain = [r.controller.id, ...route].join(' → ');
  const revisions = i.revisions.filter((v) => v.records !== undefined);
  const official = r.sources.filter((s) => s.kind === 'official');
  const triggers = r.appi?.triggers ?? [];
  return [
    {
      number: 1,
      title: '概要',
      titleEn: 'Summary',
      text: `${name(r.leakingParty)}において、${period(i.from, i.to)}の間、${KIND_JA[i.kind] ?? i.kind}により当社の個人データの漏えい等が発生した${r.exposure === 'CONFIRMED' ? '' : 'おそれがある'}。${i.detected ? `${i.detected}に発覚。` : ''}委託の経路: ${chain}。`,
      textEn: `At ${name(r.leakingParty)}, ${period(i.from, i.to, false)}, our personal data was ${r.exposure === 'CONFIRMED' ? '' : 'possibly '}leaked (${i.kind}).${i.detected ? ` Detected on ${i.detected}.` : ''} Entrustment path: ${chain}.`,
    },
    {
      number: 2,
      title: '漏えい等が発生し、又は発生したおそれがある個人データの項目',
      titleEn: 'Items of personal data leaked or possibly leaked',
      text: r.data.length ? r.data.join('、') : null,
      textEn: r.data.length ? r.data.join(', ') : null,
    },
    {
      number: 3,
      title: '本人の数',
      titleEn: 'Number of people',
      text:
        r.records === undefined
          ? null
          : `${r.records.toLocaleString('ja-JP')}人${revisions.length ? `（訂正: ${revisions.map((v) => `${v.date} ${v.records!.toLocaleString('ja-JP')}人`).join('、')}）` : ''}`,
      textEn:
        r.records === undefined
          ? null
          : `${r.records.toLocaleString('en')}${revisions.length ? ` (revised: ${revisions.map((v) => `${v.date}: ${v.records!.toLocaleString('en')}`).join(', ')})` : ''}`,
    },
    {
      number: 4,
      title: '原因',
      titleEn: 'Cause',
      text: i.note
        ? `${KIND_JA[i.kind] ?? i.kind}: ${i.note}`
        : `${KIND_JA[i.kind] ?? i.kind}（詳細は未記入）`,
      textEn: i.note ? `${i.kind}: ${i.note}` : `${i.kind} (details to be filled in)`,
    },
    {
      number: 5,
      title: '二次被害又はそのおそれの有無及びその内容',
      titleEn: 'Secondary damage or its risk, and what it is',
      text: null,
      textEn: null,
    },
    {
      number: 6,
      title: '本人への対応の実施状況',
      titleEn: 'What has been done for the people affected',
      text: null,
      textEn: null,
    },
    {
      number: 7,
      title: '公表の実施状況',
      titleEn: 'Public announcement',
      text: i.announced
        ? `${i.announced}に公表${official.length ? `（${official.map((s) => s.url ?? s.title ?? s.id).join('、')}）` : ''}`
        : null,
      textEn: i.announced
        ? `announced on ${i.announced}${official.length ? ` (${official.map((s) => s.url ?? s.title ?? s.id).join(', ')})` : ''}`
        : null,
    },
    {
      number: 8,
      title: '再発防止のための措置',
      titleEn: 'Measures to prevent a recurrence',
      text: null,
      textEn: null,
    },
    {
      number: 9,
      title: 'その他参考となる事項',
      titleEn: 'Other relevant matters',
      text:
        [
          triggers.length
            ? `報告対象となる事由: ${triggers.map((t) => TRIGGER_JA[t]).join('、')}`
            : '',
          r.exposure === 'POSSIBLE'
            ? '経路に推定の委託が含まれるため、漏えいは「おそれ」として記載。'
            : '',
          r.undisclosed.length
            ? `当社に開示されていない再委託: ${r.undisclosed.map((h) => h.id).join('、')}。`
            : '',
          r.sources.length
            ? `出典: ${r.sources.map((s) => s.title ?? s.url ?? s.id).join('、')}`
            : '',
        ]
          .filter(Boolean)
          .join('\n') || null,
      textEn:
        [
          triggers.length
            ? `Reportable because: ${triggers.map((t) => TRIGGER_EN[t]).join('; ')}`
            : '',
          r.exposure === 'POSSIBLE'
            ? 'The path includes an inferred entrustment: the leak is stated as possible.'
            : '',
          r.undisclosed.length
            ? `Re-entrustments not disclosed to us: ${r.undisclosed.map((h) => h.id).join(', ')}.`
            : '',
          r.sources.length
            ? `Sources: ${r.sources.map((s) => s.title ?? s.url ?? s.id).join('; ')}`
            : '',
        ]
          .filter(Boolean)
          .join('\n') || null,
    },
  ];
}
