import { term } from '../../../i18n/glossary.js';
import type { Words } from './en.js';

// Every word the explorer shows, in Japanese: the fixed terms come from the glossary.

const n = (value: number) => value.toLocaleString('ja');
const UNAWARE = term('unaware', 'ja');
const UNDISCLOSED = term('undisclosed', 'ja');
const NOT_EXPOSED = term('notExposed', 'ja');
const BLAST = term('blastRadius', 'ja');
const CLIENT = term('client', 'ja');

export const ja: Words = {
  lang: 'ja',
  locale: 'ja',
  number: n,
  appTitle: 'vendor-chain エクスプローラ',
  skipToContent: '本文へ移動',
  switchTo: 'English',
  switchToLang: 'en',
  switchLabel: 'このページの英語版',
  waysIn: '調べ方',
  incident: 'インシデント',
  incidentHint: '名称または ID（例：makeshop-2014）',
  showBlastRadius: `${BLAST}を見る`,
  controller: `${CLIENT}：委託の連鎖`,
  controllerHint: '名称または ID（例：武雄市）',
  showChain: '委託の連鎖',
  vendor: `${term('contractor', 'ja')}：漏えいしたら`,
  vendorHint: '名称または ID（例：MakeShop）',
  from: '開始日',
  to: '終了日（翌日）',
  dateHint: 'yyyy-mm-dd',
  asOf: '基準日',
  data: 'データ',
  dataHint: '例：user.contact',
  showLeak: '漏えいを想定',
  concentration: '集中度',
  apiKey: 'API キー',
  apiKeyHint: 'API キー（このタブのみ保持）',
  useKey: 'キーを使う',
  signIn: term('signIn', 'ja'),
  signOut: term('signOut', 'ja'),
  signedInAs: (name) => `${name} としてサインイン中`,
  signInNeeded: '登録内容を見るにはサインインしてください',
  signInExpired: 'サインインの有効期限が切れました。続けるにはもう一度サインインしてください',
  signInExpiredShort: 'サインインの期限切れ',
  signInHow:
    '右上の「サインイン」を押してください。組織のサインイン画面でアカウントを確認したあと、この画面に戻ります。',
  signInFailed: (why) => `サインインできませんでした（${why}）。もう一度お試しください`,
  signInRefused: (why) => `サービスがサインインを受け付けませんでした（${why}）`,
  keyAsked: 'API キーが必要です。クエリの実行とドキュメントの表示にはキーを入力してください。',
  keyInvalid: 'この API キーは無効です（入力誤りまたは失効）。有効なキーを入力してください。',
  loading: '読み込み中…',
  graphLabel: '図。同じノードと矢印を横の一覧に示しています',
  exportPng: 'PNG で保存',
  exportSvg: 'SVG で保存',
  printReport: 'インシデント報告を印刷',
  legend: {
    confirmed: '確定',
    possible: '可能性あり／推定',
    undisclosed: `${UNDISCLOSED}の${term('entrustment', 'ja')}`,
    stopped: `経路が途切れた（${NOT_EXPOSED}）`,
    finding: '指摘事項',
    unaware: `${UNAWARE}の${CLIENT}`,
  },
  listLabel: 'ノードと矢印の一覧',
  exposure: { CONFIRMED: '確定', POSSIBLE: '可能性あり' },
  unawareTag: UNAWARE,
  aware: '把握済み',
  unawareWhy: `${UNAWARE}（どの経路にも${UNDISCLOSED}の${term('reEntrustment', 'ja')}がある）`,
  reasons: {
    OUT_OF_WINDOW: '漏えい期間外',
    NO_COMMON_DATA: '共通するデータなし',
    CYCLE: '循環',
  },
  records: (count) => (count === null ? '件数未記録' : `${n(count)} 件`),
  recordsAtLeast: (known, unknown) => `${n(known)} 件以上（${n(unknown)} 件の委託で件数未記録）`,
  listSep: '・',
  dataNotListed: 'データ項目の記載なし',
  dataUnknown: 'データ不明',
  notDisclosed: `${CLIENT}に${UNDISCLOSED}`,
  open: '継続中',
  openStart: '開始日不明',
  datesUnknown: '期間不明',
  announcedOn: (date) => `${date} 公表`,
  leakOf: (what) => `漏えい ${what}`,
  whereLeak: (what) => `漏えいが起きた所（${what}）`,
  exposedDetail: (exposure, aware, records, data) =>
    `影響あり・${exposure}・${aware}／${records}／${data}`,
  onAPath: '経路上',
  spared: (reason) => `${NOT_EXPOSED}：${reason}`,
  sparedDetail: (reason, detail) => `${NOT_EXPOSED}（${reason}）：${detail}`,
  notExposedWhy: (miss, window, period) => {
    const hop = miss.hops[0];
    if (miss.reason === 'OUT_OF_WINDOW' && hop)
      return `${term('entrustment', 'ja')}期間 ${period(hop)} は漏えい期間 ${window} と重ならない`;
    if (miss.reason === 'NO_COMMON_DATA')
      return '委託したデータと漏えいしたデータに共通する項目がない';
    if (miss.reason === 'CYCLE') return '委託が循環している';
    return miss.detail;
  },
  undisclosedLabel: UNDISCLOSED,
  pathStopped: (reason, detail) => `経路はここで途切れる（${reason}）：${detail}`,
  groupOf: (count) => `${CLIENT} ${n(count)} 件`,
  groupDetail: (count, state, target) =>
    `${CLIENT} ${n(count)} 件（${state}）、いずれも ${target} へ直接委託（一覧に記載）`,
  groupHops: (count, like) => `同様の委託 ${n(count)} 件：${like}`,
  theController: CLIENT,
  controllerTag: CLIENT,
  depth: (d) => `${d} 次`,
  abroad: (countries) => `国外：${countries}`,
  noBasis: '（移転の根拠なし）',
  locationNotRecorded: '保管場所未記録',
  dataIn: (countries) => `データの所在 ${countries}`,
  link: { DECLARED: '契約上', INFERRED: '推定' },
  scheme: { 'privacy-mark': 'プライバシーマーク', isms: 'ISMS' },
  certStatus: (status) =>
    ({ suspended: '一時停止', revoked: '取消', active: '有効' })[status] ?? status,
  since: (date) => `${date} から`,
  inferredTag: '（推定）',
  rule: { FORBIDDEN: '再委託禁止', UNAPPROVED: '承認なし', UNDISCLOSED: UNDISCLOSED },
  severity: { HIGH: '重大', MEDIUM: '中', LOW: '軽微' },
  undisclosedArrow: `⇢（${UNDISCLOSED}）`,
  unawareSuffix: `・${UNAWARE}`,
  deadlinesOnlyForIncident: '報告期限：インシデントについてのみ（?incident=ID で表示）。',
  noDeadlineDates: (aware) =>
    `期限日なし：${aware ? '発覚日が不明' : `誰もこの${CLIENT}に知らせないため、期限の起算が始まらない`}。`,
  deadline: (law, kind, due, description) =>
    `${law} ${({ preliminary: '速報', final: '確報', authority: '当局への通知' } as Record<string, string>)[kind] ?? kind}：${due ?? '日付なし'}（${description}）`,
  noReport: (law) => `${law}：報告不要`,
  httpFailed: (status) => `サービスが HTTP ${status} を返し、回答がありません`,
  needKey: (why) =>
    `API キーが必要です${why ? `（${why}）` : ''}：上の欄に有効なキーを入力してください`,
  unknownId: (id) => `ID「${id}」は登録されていません`,
  searchFor: (id) => `「${id}」を名称で検索`,
  noSuchId: (what, id) =>
    `ID「${id}」の${what === 'incident' ? 'インシデント' : '組織'}はありません。`,
  keyNeeded: 'API キーが必要です',
  viewFailed: 'この表示を作れませんでした',
  notADate: (field, value) => `${field}：「${value}」は 2014-09-25 のような暦の日付ではありません`,
  noMatch: (text) => `「${text}」に一致するものはありません。`,
  searchResults: (text) => `「${text}」に一致する組織`,
  askingBlast: `${BLAST}を問い合わせ中…`,
  blastTitle: (incident, party, window) =>
    `${party} での${incident ? `インシデント ${incident}` : '漏えい'}の${BLAST}（漏えい期間 ${window}）`,
  blastSummary: (exposed, unaware, spared) =>
    `影響を受ける${CLIENT} ${n(exposed)} 件、うち${UNAWARE} ${n(unaware)} 件、${NOT_EXPOSED} ${n(spared)} 件。`,
  truncated:
    '経路の一部だけを表示している委託元があります。影響を受ける委託元はすべて表示しています。',
  clickController: `${CLIENT}を図または一覧で選ぶと、経路・報告期限・出典を表示します。`,
  exposureTerm: '影響',
  toldTerm: '連鎖からの通知',
  recordsTerm: '件数',
  dataTerm: 'データ',
  deadlinesTitle: '漏えい等報告の期限',
  pathsTitle: (shown, total) =>
    shown === total ? `経路（${n(total)}）` : `経路（${n(total)} 件中 ${n(shown)} 件）`,
  pathsTerm: '経路',
  sourcesTerm: '出典',
  sourcesTitle: '出典',
  noSources: '記録なし',
  askingChain: (asOf) => `${asOf} 時点の委託の連鎖を問い合わせ中…`,
  chainTitle: (controller, asOf, isToday) =>
    `${controller} の委託の連鎖（${isToday ? `本日 ${asOf}` : asOf} 時点）`,
  chainFactsTitle: 'この連鎖について',
  findingsTerm: '再委託の指摘事項',
  certAlertsTerm: '認証の警告',
  crossBorderTerm: '国外への委託',
  locationUnknownTerm: '保管場所が未記録の委託',
  noCountry: `この${CLIENT}の国が登録されていません`,
  clickParty: '組織または矢印を選ぶと詳細を表示します。',
  chainSummary: (parties) => `${n(parties)} 組織がデータを保有しています。`,
  changeDates: '連鎖が変わる日',
  todayIs: (date) => `${date}（本日）`,
  askingConcentration: '集中度を問い合わせ中…',
  concentrationTitle: (asOf, isToday) =>
    `集中度（${isToday ? `本日 ${asOf}` : asOf} 時点）：最も多くの${CLIENT}のデータを持つ組織`,
  concentrationValue: (controllers, records, entrustments) =>
    `${CLIENT} ${n(controllers)} 件・${records}・受託 ${n(entrustments)} 件`,
  concentrationStatus: (count) =>
    `漏えいすると最も多くの${CLIENT}に及ぶ ${n(count)} 組織。棒を選ぶと${BLAST}を表示します。`,
  openLeakHere: `ここでの漏えいの${BLAST}を開く`,
  listTitle: 'ノードと矢印',
  nodesTitle: (count) => `ノード（${n(count)}）`,
  edgesTitle: (count) => `矢印（${n(count)}）`,
  groupedNote: (count) =>
    `末端の${CLIENT} ${n(count)} 件はグループで描いています（各グループに一覧あり）。`,
  edgeClass: {
    confirmed: '確定',
    possible: '可能性あり',
    undisclosed: UNDISCLOSED,
    stopped: '途切れ',
    'stopped-path': '途切れた先',
    declared: '契約上',
    inferred: '推定',
    finding: '指摘',
    abroad: '国外',
  },
  notExposedTitle: NOT_EXPOSED,
  reportIntro: (detected, exposed, unaware) =>
    `発覚日：${detected ?? '未記録'}。影響を受ける${CLIENT} ${n(exposed)} 件、うち${UNAWARE} ${n(unaware)} 件。`,
  reportPictureAlt: `${BLAST}の図`,
  reportData: (data, records) => `データ：${data}。件数：${records}。`,
  askingHome: '対応が必要なことを問い合わせ中…',
  homeTitle: (date) => `いま対応が必要なこと（本日 ${date}）`,
  homeStatus: (all, shown) =>
    all > shown
      ? `インシデント ${n(all)} 件のうち新しい ${n(shown)} 件。`
      : `インシデント ${n(all)} 件。`,
  reach: (controllers, unaware) =>
    `${CLIENT} ${n(controllers)} 件に影響、うち${UNAWARE} ${n(unaware)} 件`,
  kind: (kind) =>
    ({
      'unauthorized-access': '不正アクセス',
      insider: '内部不正',
      misdelivery: '誤送付',
      misconfiguration: '設定ミス',
      ransomware: 'ランサムウェア',
      'purpose-deviation': '目的外利用',
      other: 'その他',
    })[kind] ?? kind,
  homeIncidents: (count) =>
    `インシデント（全 ${n(count)} 件。未把握の委託元があるものを先に、新しい順）`,
  moreIncidents: (count) => `ほか ${n(count)} 件`,
  deadlineKind: (kind) =>
    ({
      ENTRUSTEE_NOTICE: '委託元への通知',
      PRELIMINARY_REPORT: '速報',
      FINAL_REPORT: '確報',
      AUTHORITY_NOTICE_72H: '当局への通知（72 時間）',
    })[kind] ?? kind,
  daysLeft: (days) =>
    days < 0 ? `${n(-days)} 日前に期限切れ` : days === 0 ? '本日が期限' : `あと ${n(days)} 日`,
  inferredCount: (count) => `うち推定 ${n(count)} 件`,
  homeCertifications: (count) => `認証の警告（${n(count)}）`,
  holdsFor: (controllers) => `${CLIENT} ${n(controllers)} 件のデータを保有`,
  homeUnaware: (count) => `${UNAWARE}の${CLIENT}（${n(count)}）`,
  unawareOf: (incident, party) => `${party} を知らない：${incident}`,
  noneNow: 'なし。',
  homeDeadlines: '漏えい等報告の期限',
  homeFindings: (count) => `未解決の再委託の指摘（${n(count)}）`,
  homeConcentration: (date) => `集中度の高い委託先（本日 ${date} 時点）`,
  moreConcentration: '順位をすべて見る',
};
