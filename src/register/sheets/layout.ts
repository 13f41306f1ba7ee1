import {
  CERT_SCHEMES,
  CERT_STATUSES,
  CLAUSES,
  CONFIDENCES,
  INCIDENT_KINDS,
  PARTY_KINDS,
  SOURCE_KINDS,
  TRANSFER_BASES,
} from '../../domain/model.js';

// How a register is laid out as a workbook or a CSV directory: one sheet per section, the
// register's field names as headers (Japanese ones accepted too), one record per row. A party's
// certifications and an incident's revisions are lists of records, so they get sheets of their
// own, each row naming its owner; everything else fits one cell.

/**
 * text: the cell as written; date: a date cell or YYYY-MM-DD; count: a whole number; boolean;
 * list: values separated by ";" or new lines; members: a list of party or party:role.
 */
export type CellKind = 'text' | 'date' | 'count' | 'boolean' | 'list' | 'members';

export interface Column {
  /** The register's field; a dotted name is a field of an object (contact.email). */
  field: string;
  kind: CellKind;
  /** Other headers that mean this column (Japanese). */
  aliases: readonly string[];
  /** The allowed values, for drop-downs. */
  values?: readonly string[];
  /** Free text, read as written (a note's line breaks and spaces, as YAML keeps them). */
  prose?: boolean;
  /** Values written in Japanese, read as the register's. */
  valueAliases?: Readonly<Record<string, string>>;
  width?: number;
}

export type SectionSheet = 'sources' | 'parties' | 'entrustments' | 'incidents' | 'categories';
export type ChildSheet = 'certifications' | 'revisions';
export type SheetName = SectionSheet | ChildSheet;

export interface SheetLayout {
  name: SheetName;
  aliases: readonly string[];
  columns: readonly Column[];
  /** For a child sheet: the section whose records own its rows, the owner column and the field. */
  child?: { of: 'parties' | 'incidents'; key: string; field: 'certifications' | 'revisions' };
}

const col = (
  field: string,
  kind: CellKind,
  aliases: readonly string[] = [],
  extra: Partial<Column> = {},
): Column => ({ field, kind, aliases, ...extra });

const CONFIDENCE_JA = { 確認済: 'confirmed', 報道: 'reported', 主張: 'alleged', 推定: 'inferred' };
const confidence = col('confidence', 'text', ['確度'], {
  values: CONFIDENCES,
  valueAliases: CONFIDENCE_JA,
});
const note = col('note', 'text', ['備考', 'メモ'], { width: 40, prose: true });
const sources = col('sources', 'list', ['出典']);
const from = col('from', 'date', ['開始日', '開始']);
const to = col('to', 'date', ['終了日', '終了']);

export const LAYOUTS: readonly SheetLayout[] = [
  {
    name: 'sources',
    aliases: ['出典'],
    columns: [
      col('id', 'text', ['ID']),
      col('kind', 'text', ['種別'], { values: SOURCE_KINDS }),
      col('title', 'text', ['表題', '題名'], { width: 40, prose: true }),
      col('url', 'text', ['URL'], { width: 40 }),
      col('published', 'date', ['公表日', '発行日']),
      note,
    ],
  },
  {
    name: 'parties',
    aliases: ['当事者', '委託先'],
    columns: [
      col('id', 'text', ['ID']),
      col('name', 'text', ['名称', '名前'], { width: 30, prose: true }),
      col('aka', 'list', ['別名']),
      col('kind', 'text', ['種別'], { values: PARTY_KINDS }),
      col('country', 'text', ['国', '所在国']),
      col('operator', 'text', ['運営者']),
      col('parent', 'text', ['親会社']),
      col('memberOf', 'members', ['所属']),
      col('contact.email', 'text', ['連絡先メール', 'メール']),
      col('contact.phone', 'text', ['連絡先電話', '電話']),
      col('contact.url', 'text', ['連絡先URL']),
      confidence,
      note,
      sources,
    ],
  },
  {
    name: 'certifications',
    aliases: ['認証'],
    child: { of: 'parties', key: 'party', field: 'certifications' },
    columns: [
      col('party', 'text', ['当事者']),
      col('scheme', 'text', ['制度'], { values: CERT_SCHEMES }),
      col('status', 'text', ['状態'], {
        values: CERT_STATUSES,
        valueAliases: { 有効: 'active', 一時停止: 'suspended', 取消: 'revoked' },
      }),
      from,
      to,
      note,
      sources,
    ],
  },
  {
    name: 'entrustments',
    aliases: ['委託', '委託先管理台帳'],
    columns: [
      col('id', 'text', ['ID']),
      col('client', 'text', ['委託元']),
      col('contractor', 'text', ['委託先']),
      col('under', 'list', ['元の委託', '上流の委託']),
      col('purposes', 'list', ['利用目的', '目的']),
      col('data', 'list', ['個人データの項目', 'データ項目'], { width: 30 }),
      col('subjects', 'list', ['本人の区分', '本人']),
      col('records', 'count', ['件数', '本人の数']),
      from,
      to,
      col('reentrustment', 'text', ['再委託'], {
        values: CLAUSES,
        valueAliases: {
          禁止: 'forbidden',
          要承認: 'approval-required',
          可: 'allowed',
          不明: 'unknown',
        },
      }),
      col('disclosed', 'boolean', ['開示', '開示済み']),
      col('approvedBy', 'list', ['承認者']),
      col('storage', 'list', ['保管国']),
      col('access', 'list', ['アクセス国']),
      col('transferBasis', 'text', ['移転の根拠'], {
        values: TRANSFER_BASES,
        valueAliases: { 同意: 'consent', 十分性認定: 'adequacy', 相当措置: 'equivalent-measures' },
      }),
      confidence,
      note,
      sources,
    ],
  },
  {
    name: 'incidents',
    aliases: ['事故', '漏えい等'],
    columns: [
      col('id', 'text', ['ID']),
      col('party', 'text', ['発生先', '当事者']),
      col('kind', 'text', ['種別'], { values: INCIDENT_KINDS }),
      from,
      to,
      col('detected', 'date', ['発覚日', '発見日']),
      col('announced', 'date', ['公表日']),
      col('data', 'list', ['個人データの項目', 'データ項目'], { width: 30 }),
      col('subjects', 'list', ['本人の区分', '本人']),
      col('records', 'count', ['件数', '本人の数']),
      confidence,
      note,
      sources,
    ],
  },
  {
    name: 'revisions',
    aliases: ['件数の訂正'],
    child: { of: 'incidents', key: 'incident', field: 'revisions' },
    columns: [
      col('incident', 'text', ['事故']),
      col('date', 'date', ['日付']),
      col('records', 'count', ['件数', '本人の数']),
      note,
    ],
  },
  {
    name: 'categories',
    aliases: ['カテゴリ', 'データ分類'],
    columns: [
      col('id', 'text', ['ID'], { width: 40 }),
      col('parent', 'text', ['親'], { width: 30 }),
      col('name', 'text', ['名称'], { width: 30, prose: true }),
      col('description', 'text', ['説明'], { width: 40, prose: true }),
    ],
  },
];

export const layoutOf = (name: SheetName): SheetLayout => LAYOUTS.find((l) => l.name === name)!;

/** The sheet a name (as written in a workbook, or a CSV file's base name) means, if any. */
export function sheetNamed(name: string): SheetLayout | undefined {
  const wanted = name.trim().toLowerCase();
  return LAYOUTS.find((l) => l.name === wanted || l.aliases.includes(name.trim()));
}

/** The column a header means, if any. */
export function columnNamed(layout: SheetLayout, header: string): Column | undefined {
  const wanted = header.trim();
  const lower = wanted.toLowerCase();
  return layout.columns.find(
    (c) => c.field.toLowerCase() === lower || c.aliases.some((a) => a.toLowerCase() === lower),
  );
}
