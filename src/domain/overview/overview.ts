import type { ConcentrationRow } from '../concentration.js';
import { today, type IsoDate } from '../dates.js';
import { PerGeneration } from '../graph/per-generation.js';
import { Slices } from '../graph/slices.js';
import type { Party } from '../model.js';
import type { StorePort } from '../../store/port.js';
import { certificationAlertsOf, type RegisterCertificationAlert } from './certification-alerts.js';
import type { FindingCounts } from './finding-counts.js';
import {
  incidentsBy,
  incidentsOverview,
  type DeadlineAlert,
  type IncidentSummary,
} from './incident-summaries.js';

/** The whole-graph answers the overview reads; WholeGraph gives them, in a thread on a large graph. */
export interface WholeGraphAnswers {
  findingCounts(asOf: IsoDate): Promise<FindingCounts>;
  concentration(asOf: IsoDate, first: number): Promise<ConcentrationRow[]>;
  concentrationOf(asOf: IsoDate, parties: readonly string[]): Promise<ConcentrationRow[]>;
}

export interface OverviewCertificationAlert extends RegisterCertificationAlert {
  /** Controllers whose data the party holds on asOf. */
  controllers: number;
}

/** What needs attention on a date: the answer behind a home page or a dashboard's tiles. */
export interface Overview {
  asOf: IsoDate;
  /** Incidents that had begun by asOf. */
  incidentCount: number;
  /** The newest of them (OVERVIEW_INCIDENTS), newest first. */
  incidents: IncidentSummary[];
  findings: FindingCounts;
  deadlines: DeadlineAlert[];
  certificationAlerts: OverviewCertificationAlert[];
  /** The top of the concentration ranking on asOf. */
  concentration: ConcentrationRow[];
}

export const CONCENTRATION_TOP = 10;

// A hundred tiles polling the same home page cost one computation per write to the store.
const remembered = new PerGeneration<Overview>(4);

export function overview(
  store: StorePort,
  whole: WholeGraphAnswers,
  asOf: IsoDate = today(),
): Promise<Overview> {
  return remembered.get(store, asOf, () => compute(store, whole, asOf));
}

async function compute(
  store: StorePort,
  whole: WholeGraphAnswers,
  asOf: IsoDate,
): Promise<Overview> {
  const slices = new Slices();
  const [certificationAlerts, findings, concentration, incidents] = await Promise.all([
    certificationParts.get(store, asOf, () => alertsOf(store, whole, asOf, slices)),
    whole.findingCounts(asOf),
    whole.concentration(asOf, CONCENTRATION_TOP),
    incidentsBy(store, asOf, slices),
  ]);
  const { summaries, deadlines } = await incidentsOverview(store, incidents, asOf);
  return {
    asOf,
    incidentCount: incidents.length,
    incidents: summaries,
    findings,
    deadlines,
    certificationAlerts,
    concentration,
  };
}

// The certification alerts read every party, and whom each holder reaches: a dashboard's editor
// adding an incident leaves them as they were, and they are not read again for it.
const certificationParts = new PerGeneration<OverviewCertificationAlert[]>(4, [
  'parties',
  'entrustments',
]);

async function alertsOf(
  store: StorePort,
  whole: WholeGraphAnswers,
  asOf: IsoDate,
  slices: Slices,
): Promise<OverviewCertificationAlert[]> {
  const marks = certificationAlertsOf(await allParties(store, slices), asOf);
  const reach = await whole.concentrationOf(asOf, [...new Set(marks.map((m) => m.party))]);
  const controllers = new Map(reach.map((row) => [row.party, row.controllers]));
  return marks.map((m) => ({ ...m, controllers: controllers.get(m.party) ?? 0 }));
}

async function allParties(store: StorePort, slices: Slices): Promise<Party[]> {
  const parties: Party[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.scanParties(after, 1_000);
    if (page.length === 0) return parties;
    parties.push(...page);
    after = page[page.length - 1]!.id;
    await slices.pause();
  }
}
