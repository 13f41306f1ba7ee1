// Every word the explorer shows, in English. ja.ts has the same keys (its type is this one's), so a
// label missing in one language is a type error, not an English word on a Japanese page.

import { term, type Lang } from '../../../i18n/glossary.js';

const n = (value: number) => value.toLocaleString('en');
const plural = (count: number, word: string, many = `${word}s`) =>
  `${n(count)} ${count === 1 ? word : many}`;

export const en = {
  lang: 'en' as Lang,
  locale: 'en',
  number: n,
  // the page's frame
  appTitle: 'vendor-chain explorer',
  skipToContent: 'Skip to the content',
  switchTo: '日本語',
  switchToLang: 'ja' as Lang,
  switchLabel: 'Japanese version of this page',
  waysIn: 'Ways in',
  incident: 'Incident',
  incidentHint: 'name or id, e.g. makeshop-2014',
  showBlastRadius: 'Blast radius',
  controller: 'Controller: its chain',
  controllerHint: 'name or id, e.g. 武雄市, Takeo',
  showChain: 'Supply chain',
  vendor: 'Vendor: what if it leaks',
  vendorHint: 'name or id, e.g. MakeShop',
  from: 'from',
  to: 'to (first day after)',
  dateHint: 'yyyy-mm-dd',
  asOf: 'as of',
  data: 'data',
  dataHint: 'e.g. user.contact',
  showLeak: 'What if it leaks',
  concentration: 'Concentration',
  apiKey: 'API key',
  apiKeyHint: 'API key (kept in this tab only)',
  useKey: 'Use key',
  // single sign-on (src/explorer/client/session.ts)
  signIn: term('signIn', 'en'),
  signOut: term('signOut', 'en'),
  signedInAs: (name: string) => `Signed in as ${name}`,
  signInNeeded: 'Sign in to see the register',
  signInExpired: 'Your sign-in has expired: sign in again to go on',
  signInExpiredShort: 'Sign-in expired',
  signInHow:
    "Use the Sign in button at the top right: your organisation's sign-in page asks for your account, then brings you back here.",
  signInFailed: (why: string) => `Sign-in did not succeed (${why}): try again`,
  signInRefused: (why: string) => `The service did not accept your sign-in (${why})`,
  keyAsked: 'The service asks for an API key: enter one to run queries and load the docs.',
  keyInvalid: 'This API key is not valid (mistyped or revoked): enter a valid one.',
  loading: 'Loading…',
  graphLabel: 'The graph; the same nodes and edges are listed beside it',
  exportPng: 'Export PNG',
  exportSvg: 'Export SVG',
  printReport: 'Print incident report',
  legend: {
    confirmed: 'CONFIRMED',
    possible: 'POSSIBLE / inferred',
    undisclosed: 'undisclosed hop',
    stopped: 'path stopped (not exposed)',
    finding: 'finding',
    unaware: 'unaware controller',
  },
  listLabel: 'Nodes and edges as a list',
  // the answers in words
  exposure: { CONFIRMED: 'CONFIRMED', POSSIBLE: 'POSSIBLE' } as Record<string, string>,
  unawareTag: 'UNAWARE',
  aware: 'aware',
  unawareWhy: 'unaware (every path has an undisclosed hop)',
  reasons: {
    OUT_OF_WINDOW: 'out of window',
    NO_COMMON_DATA: 'no common data',
    CYCLE: 'cycle',
  } as Record<string, string>,
  records: (count: number | null) =>
    count === null ? 'records not recorded' : plural(count, 'record'),
  recordsAtLeast: (known: number, unknown: number) =>
    `at least ${plural(known, 'record')} (${plural(unknown, 'count')} not recorded)`,
  listSep: ', ',
  dataNotListed: 'data not listed',
  dataUnknown: 'data unknown',
  notDisclosed: 'NOT DISCLOSED to the controller',
  open: 'open',
  openStart: 'open',
  datesUnknown: 'dates unknown',
  announcedOn: (date: string) => `announced ${date}`,
  leakOf: (what: string) => `leak ${what}`,
  whereLeak: (what: string) => `where the leak happened (${what})`,
  exposedDetail: (exposure: string, aware: string, records: string, data: string) =>
    `exposed, ${exposure}, ${aware}; ${records}; ${data}`,
  onAPath: 'on a path',
  spared: (reason: string) => `not exposed: ${reason}`,
  sparedDetail: (reason: string, detail: string) => `not exposed, ${reason}: ${detail}`,
  /** Why a path stopped: the service's own sentence in English; ja.ts says it from the dates. */
  notExposedWhy: (
    miss: { detail: string; reason: string; hops: { from: string | null; to: string | null }[] },
    _window: string,
    _period: (hop: { from: string | null; to: string | null }) => string,
  ) => miss.detail,
  undisclosedLabel: 'undisclosed',
  pathStopped: (reason: string, detail: string) => `path stopped (${reason}): ${detail}`,
  groupOf: (count: number) => plural(count, 'controller'),
  groupDetail: (count: number, state: string, target: string) =>
    `${plural(count, 'controller')}, ${state}, each by one hop into ${target} (listed below)`,
  groupHops: (count: number, like: string) => `${n(count)} hops like ${like}`,
  // the supply chain
  theController: 'the controller',
  controllerTag: 'controller',
  depth: (d: number) => `depth ${d}`,
  abroad: (countries: string) => `abroad: ${countries}`,
  noBasis: '(no basis)',
  locationNotRecorded: 'storage location not recorded',
  dataIn: (countries: string) => `data in ${countries}`,
  link: { DECLARED: 'declared', INFERRED: 'inferred' } as Record<string, string>,
  scheme: { 'privacy-mark': 'Privacy Mark', isms: 'ISMS' } as Record<string, string>,
  certStatus: (status: string) => status.toUpperCase(),
  since: (date: string) => `since ${date}`,
  inferredTag: '(inferred)',
  rule: { FORBIDDEN: 'FORBIDDEN', UNAPPROVED: 'UNAPPROVED', UNDISCLOSED: 'UNDISCLOSED' } as Record<
    string,
    string
  >,
  severity: { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW' } as Record<string, string>,
  // paths and deadlines
  undisclosedArrow: '⇢ (undisclosed)',
  unawareSuffix: ', unaware',
  deadlinesOnlyForIncident: 'Breach deadlines: only for an incident (ask with ?incident=ID).',
  noDeadlineDates: (aware: boolean) =>
    `No deadline dates: ${aware ? 'the detection date is unknown' : 'nobody will tell this controller, so its clock has not started'}.`,
  deadline: (law: string, kind: string, due: string | null, description: string) =>
    `${law} ${kind}: ${due ?? 'no date'} (${description})`,
  noReport: (law: string) => `${law}: no report required`,
  // the views: headings, statuses, panels
  httpFailed: (status: number) => `the service answered HTTP ${status} without an answer`,
  needKey: (why: string) => `${why || 'the service asks for an API key'}: enter a valid key above`,
  unknownId: (id: string) => `Nothing has the id “${id}”`,
  searchFor: (id: string) => `Search for “${id}” by name`,
  noSuchId: (what: 'incident' | 'party', id: string) => `no ${what} with id "${id}"`,
  keyNeeded: 'The service asks for an API key',
  viewFailed: 'This view could not be shown',
  notADate: (field: string, value: string) =>
    `${field}: "${value}" is not a date like 2014-09-25 (year, month, day of the calendar)`,
  noMatch: (text: string) => `Nothing matches “${text}”.`,
  searchResults: (text: string) => `Parties matching “${text}”`,
  askingBlast: 'Asking for the blast radius…',
  blastTitle: (incident: string | null, party: string, window: string) =>
    `Blast radius of ${incident ?? 'a leak'} at ${party}, window ${window}`,
  blastSummary: (exposed: number, unaware: number, spared: number) =>
    `${plural(exposed, 'controller')} exposed, ${n(unaware)} unaware, ${n(spared)} not exposed.`,
  truncated: 'Some controllers have more paths than are shown; who is exposed is complete.',
  clickController:
    'Choose a controller (in the picture or the list) for its paths, deadlines and sources.',
  exposureTerm: 'Exposure',
  toldTerm: 'Told by the chain',
  recordsTerm: 'Records',
  dataTerm: 'Data',
  deadlinesTitle: 'Breach deadlines',
  pathsTitle: (shown: number, total: number) =>
    shown === total ? `Paths (${n(total)})` : `Paths (${n(shown)} of ${n(total)})`,
  pathsTerm: 'Paths',
  sourcesTerm: 'sources',
  sourcesTitle: 'Sources',
  noSources: 'none recorded',
  askingChain: (asOf: string) => `Asking for the supply chain as of ${asOf}…`,
  chainTitle: (controller: string, asOf: string, isToday: boolean) =>
    `Supply chain of ${controller} as of ${isToday ? `today, ${asOf}` : asOf}`,
  chainFactsTitle: 'In this chain',
  findingsTerm: 'Re-delegation findings',
  certAlertsTerm: 'Certification alerts',
  crossBorderTerm: 'Cross-border hops',
  locationUnknownTerm: 'Hops with storage location not recorded',
  noCountry: 'the controller has no country in the register',
  clickParty: 'Choose a party or an edge for its details.',
  chainSummary: (parties: number) => `${plural(parties, 'party', 'parties')} hold the data.`,
  changeDates: 'Dates where the chain changes',
  todayIs: (date: string) => `${date} (today)`,
  askingConcentration: 'Asking for concentration…',
  concentrationTitle: (asOf: string, isToday: boolean) =>
    `Concentration as of ${isToday ? `today, ${asOf}` : asOf}: who holds the most controllers' data`,
  concentrationValue: (controllers: number, records: string, entrustments: number) =>
    `${plural(controllers, 'controller')} · ${records} · ${plural(entrustments, 'entrustment')} in`,
  concentrationStatus: (count: number) =>
    `The ${n(count)} parties a leak would reach most controllers from. Choose a bar for its blast radius.`,
  openLeakHere: 'Open the blast radius of a leak here',
  listTitle: 'Nodes and edges',
  nodesTitle: (count: number) => `Nodes (${n(count)})`,
  edgesTitle: (count: number) => `Edges (${n(count)})`,
  groupedNote: (count: number) =>
    `${plural(count, 'leaf controller')} are drawn as groups; each group lists them.`,
  edgeClass: {
    confirmed: 'confirmed',
    possible: 'possible',
    undisclosed: 'undisclosed',
    stopped: 'stopped',
    'stopped-path': 'beyond a stop',
    declared: 'declared',
    inferred: 'inferred',
    finding: 'finding',
    abroad: 'abroad',
  } as Record<string, string>,
  notExposedTitle: 'Not exposed',
  reportIntro: (detected: string | null, exposed: number, unaware: number) =>
    `Detected: ${detected ?? 'not recorded'}. ${plural(exposed, 'controller')} exposed, ${n(unaware)} of them unaware.`,
  reportPictureAlt: 'The blast radius as a graph',
  reportData: (data: string, records: string) => `Data: ${data}. Records: ${records}.`,
  // the home
  askingHome: 'Asking what needs attention…',
  homeTitle: (date: string) => `What needs attention now (today, ${date})`,
  homeStatus: (all: number, shown: number) =>
    all > shown ? `The ${n(shown)} newest of ${n(all)} incidents.` : `${plural(all, 'incident')}.`,
  reach: (controllers: number, unaware: number) =>
    `${plural(controllers, 'controller')} reached, ${n(unaware)} unaware`,
  kind: (kind: string) => kind.replace(/-/g, ' '),
  homeIncidents: (count: number) =>
    `Incidents (${n(count)} in all): those with unaware controllers first, then newest first`,
  moreIncidents: (count: number) => `${plural(count, 'more incident')}`,
  deadlineKind: (kind: string) => kind.toLowerCase().replace(/_/g, ' '),
  daysLeft: (days: number) =>
    days < 0
      ? `passed ${plural(-days, 'day')} ago`
      : days === 0
        ? 'due today'
        : `due in ${plural(days, 'day')}`,
  inferredCount: (count: number) => `${n(count)} inferred`,
  homeCertifications: (count: number) => `Certification alerts (${n(count)})`,
  holdsFor: (controllers: number) => `holds data of ${plural(controllers, 'controller')}`,
  homeUnaware: (count: number) => `Unaware controllers (${n(count)})`,
  unawareOf: (incident: string, party: string) => `does not know of ${party}: ${incident}`,
  noneNow: 'None.',
  homeDeadlines: 'Breach-report deadlines',
  homeFindings: (count: number) => `Open re-delegation findings (${n(count)})`,
  homeConcentration: (date: string) => `Most concentrated vendors (as of today, ${date})`,
  moreConcentration: 'All of the ranking',
};

export type Words = typeof en;
