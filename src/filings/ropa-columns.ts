import type { ProcessingRecordRow, RecordOfProcessing } from '../domain/record-of-processing.js';

// The record's columns, after the CNIL and ICO Art. 30(1) templates as far as the register knows
// them, each headed in English and Japanese. The last columns are kept empty on purpose: the
// register does not know retention periods or security measures, and the officer fills them in.

export interface RopaColumn {
  en: string;
  ja: string;
  value: (row: ProcessingRecordRow, index: number) => string;
  /** How a workbook types the cell, so the officer can sort and filter: text unless said. */
  type?: 'number' | 'date';
}

const party = (p: { id: string; name: string }) => `${p.name} (${p.id})`;
const list = (values: readonly string[]) => values.join('; ');
const yesNo = (value: boolean | null, unknown = '') =>
  value === null ? unknown : value ? 'yes / はい' : 'no / いいえ';

export const ROPA_COLUMNS: readonly RopaColumn[] = [
  { en: 'No.', ja: '番号', value: (_, i) => String(i + 1), type: 'number' },
  { en: 'Processor', ja: '委託先', value: (r) => party(r.processor) },
  {
    en: 'Role',
    ja: '役割',
    value: (r) => (r.role === 'processor' ? 'processor / 委託先' : 'sub-processor / 再委託先'),
  },
  { en: 'On behalf of', ja: '委託元', value: (r) => party(r.client) },
  { en: 'Depth', ja: '階層', value: (r) => String(r.depth), type: 'number' },
  {
    en: 'Link',
    ja: '根拠',
    value: (r) =>
      r.link === 'declared' ? 'declared / 記載' : 'inferred (possible) / 推定（可能性）',
  },
  { en: 'Country', ja: '所在国', value: (r) => r.country ?? '' },
  { en: 'Storage', ja: '保管国', value: (r) => list(r.entrustment.storage) },
  { en: 'Access from', ja: 'アクセス国', value: (r) => list(r.entrustment.access) },
  {
    en: 'Categories of personal data',
    ja: '個人データの項目',
    value: (r) => list(r.entrustment.data),
  },
  {
    en: 'Categories of data subjects',
    ja: '本人の区分',
    value: (r) => list(r.entrustment.subjects),
  },
  { en: 'Purposes', ja: '利用目的', value: (r) => list(r.entrustment.purposes) },
  {
    en: 'Records',
    ja: '件数',
    value: (r) => (r.entrustment.records === undefined ? '' : String(r.entrustment.records)),
    type: 'number',
  },
  { en: 'From', ja: '開始日', value: (r) => r.entrustment.from ?? '', type: 'date' },
  { en: 'To', ja: '終了日', value: (r) => r.entrustment.to ?? '', type: 'date' },
  {
    en: 'Transfer to a third country',
    ja: '外国への移転',
    value: (r) => yesNo(r.thirdCountry, 'unknown / 不明'),
  },
  { en: 'Transfer safeguards', ja: '移転の根拠', value: (r) => r.entrustment.transferBasis ?? '' },
  { en: 'Sub-processing clause', ja: '再委託条項', value: (r) => r.entrustment.reentrustment },
  { en: 'Disclosed to the controller', ja: '開示', value: (r) => yesNo(r.entrustment.disclosed) },
  { en: 'Approved by', ja: '承認', value: (r) => list(r.entrustment.approvedBy) },
  { en: 'Entrustment', ja: '委託', value: (r) => r.entrustment.id },
  { en: 'Sources', ja: '出典', value: (r) => list(r.entrustment.sources) },
  { en: 'Retention period', ja: '保存期間', value: () => '' },
  { en: 'Security measures', ja: '安全管理措置', value: () => '' },
];

export const ropaHeader = (c: RopaColumn) => `${c.en} / ${c.ja}`;

export function ropaCells(record: RecordOfProcessing): string[][] {
  return record.rows.map((row, i) => ROPA_COLUMNS.map((c) => c.value(row, i)));
}

/** The lines above the table: whose record, as of when, and how to read it. */
export function ropaPreamble(record: RecordOfProcessing): Array<[string, string]> {
  const c = record.controller;
  return [
    ['Controller / 管理者', party(c)],
    ['Country / 所在国', c.country ?? ''],
    [
      'Contact / 連絡先',
      [c.contact?.email, c.contact?.phone, c.contact?.url].filter(Boolean).join(', '),
    ],
    ['As of / 基準日', record.asOf ?? 'every entrustment recorded / 記録された全ての委託'],
    ['Processors / 委託先数', String(new Set(record.rows.map((r) => r.processor.id)).size)],
  ];
}
