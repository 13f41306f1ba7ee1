import { term, type Lang } from '../i18n/glossary.js';

// Every sentence of a Markdown notification packet, in English and Japanese (`notify --lang ja`).
// Values from the register (names, ids, categories, dates) are filled in as they are.

const en = {
  number: (n: number) => n.toLocaleString('en-US'),
  open: 'open',
  unknown: 'unknown',
  noneRecorded: 'none recorded',
  title: (controller: string, incident: string) =>
    `${controller}: affected by incident ${incident}`,
  unaware: (controller: string, hops: string) =>
    `UNAWARE: ${controller} has not been told of ${hops}, so nobody in the chain will tell it of this incident. No deadline dates: nobody will start its clock until someone tells it.`,
  noDetection:
    'No deadline dates: the register records no detection date for this incident, and the clocks count from detection.',
  controller: 'Controller',
  contact: 'Contact',
  email: 'e-mail',
  phone: 'phone',
  noContact: 'none in the register',
  incident: 'Incident',
  kindAt: (kind: string, party: string) => `${kind} at ${party}`,
  window: 'Exposure window',
  detectedAnnounced: 'Detected · announced',
  exposure: 'Exposure',
  exposureValue: (e: string) =>
    e === 'POSSIBLE'
      ? 'POSSIBLE (some link is inferred, or some hop is alleged, inferred or lists no data)'
      : e,
  told: 'Told by the chain',
  toldYes: 'yes: every hop of some path was disclosed to it',
  toldNo: '**no**',
  why: (count: number, shown: number) =>
    `Why it is affected: ${count === 1 ? '1 path' : `${count} paths`}${shown < count ? ` (the first ${shown} shown)` : ''}`,
  path: (k: number, exposure: string, aware: boolean) =>
    `Path ${k}: ${exposure}${aware ? '' : ', with an undisclosed hop'}`,
  ownData: (declared: boolean): string =>
    declared ? "the controller's own data" : "the controller's own data (inferred)",
  performs: (link: string) => `performs the hop above (${link})`,
  confidence: (c: string) => `confidence ${c}`,
  notDisclosed: '**not disclosed to the controller**',
  sources: 'sources',
  whichData: 'Which data',
  categories: 'categories',
  categoriesUnknown: 'unknown (no hop and no incident data lists any)',
  possiblyMore: ' (some path lists no data: possibly more)',
  subjects: 'data subjects',
  records: 'records',
  recordsValue: (records: string | undefined, total: string) =>
    `${records === undefined ? 'unknown' : `up to ${records}`} (per path, the smallest count known along it; the incident counts ${total} in all)`,
  deadlines: 'Breach-report deadlines',
  noRule: (country: string | undefined) =>
    `No rule in vendor-chain binds a controller in ${country ?? 'an unknown country'}.`,
  required: (yes: boolean): string => (yes ? 'report required' : 'no report required'),
  deadlineHeader: '| deadline | due | rule |',
  noDateDetection: 'no date: detection unknown',
  noDateUnaware: '**no date: nobody will start its clock**',
  incidentSources: 'Sources of the incident',
};

export type PacketWords = typeof en;

const UNAWARE = term('unaware', 'ja');
const UNDISCLOSED = term('undisclosed', 'ja');
const CLIENT = term('client', 'ja');

const ja: PacketWords = {
  number: (n) => n.toLocaleString('ja-JP'),
  open: '継続中',
  unknown: '不明',
  noneRecorded: '記録なし',
  title: (controller, incident) => `${controller}：インシデント ${incident} の影響を受けています`,
  unaware: (controller, hops) =>
    `${UNAWARE}：${controller} は ${hops} を知らされていないため、連鎖の誰もこのインシデントを知らせません。期限日なし：誰かが知らせるまで期限の起算は始まりません。`,
  noDetection: '期限日なし：このインシデントの発覚日が登録されておらず、期限は発覚日から数えます。',
  controller: CLIENT,
  contact: '連絡先',
  email: 'メール',
  phone: '電話',
  noContact: '登録なし',
  incident: 'インシデント',
  kindAt: (kind, party) => `${party} での ${kind}`,
  window: '漏えい期間',
  detectedAnnounced: '発覚日・公表日',
  exposure: '影響',
  exposureValue: (e) =>
    e === 'POSSIBLE'
      ? '可能性あり（推定の委託、または申立て・推定・データ項目の記載がない委託を含む）'
      : e === 'CONFIRMED'
        ? '確定'
        : e,
  told: '連鎖からの通知',
  toldYes: 'あり：ある経路のすべての委託が開示されている',
  toldNo: '**なし**',
  why: (count, shown) =>
    `影響を受ける理由：経路 ${count} 件${shown < count ? `（最初の ${shown} 件を表示）` : ''}`,
  path: (k, exposure, aware) =>
    `経路 ${k}：${exposure === 'CONFIRMED' ? '確定' : '可能性あり'}${aware ? '' : `（${UNDISCLOSED}の委託を含む）`}`,
  ownData: (declared) => (declared ? `${CLIENT}自身のデータ` : `${CLIENT}自身のデータ（推定）`),
  performs: (link) =>
    `上の${term('entrustment', 'ja')}を受けた${term('reEntrustment', 'ja')}（${link}）`,
  confidence: (c) => `確度 ${c}`,
  notDisclosed: `**${CLIENT}に${UNDISCLOSED}**`,
  sources: '出典',
  whichData: 'データ',
  categories: '項目',
  categoriesUnknown: '不明（どの委託にもインシデントにも項目の記載なし）',
  possiblyMore: '（項目の記載がない経路あり：さらに多い可能性）',
  subjects: '本人の区分',
  records: '件数',
  recordsValue: (records, total) =>
    `${records === undefined ? '不明' : `最大 ${records} 件`}（経路ごとに判明している最小の件数。インシデント全体では ${total} 件）`,
  deadlines: '漏えい等報告の期限',
  noRule: (country) =>
    `vendor-chain には ${country ?? '不明な国'} の${CLIENT}を拘束する規則がありません。`,
  required: (yes) => (yes ? '報告が必要' : '報告は不要'),
  deadlineHeader: '| 期限 | 期日 | 規則 |',
  noDateDetection: '日付なし：発覚日不明',
  noDateUnaware: '**日付なし：誰も起算を始めない**',
  incidentSources: 'インシデントの出典',
};

export const PACKET_WORDS: Record<Lang, PacketWords> = { en, ja };
