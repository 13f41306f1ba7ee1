import { breachObligations, type BreachObligations } from '../breach-obligations.js';
import { addDays, type IsoDate } from '../dates.js';
import type { Incident } from '../model.js';
import { PerGeneration } from '../graph/per-generation.js';
import type { Slices } from '../graph/slices.js';
import type { StorePort } from '../../store/port.js';

/** An incident on the overview: how far it reaches, and how many it reaches will not be told. */
export interface IncidentSummary {
  incident: string;
  /** The day it is dated by: detected, else the start of its window. */
  date?: IsoDate;
  records?: number;
  controllers: number;
  unaware: number;
  /** The walk stopped at its safety bound: the counts are lower bounds. */
  truncated: boolean;
}

export type DeadlineState = 'DUE_SOON' | 'PASSED';

/** A breach-report deadline that falls due soon, or passed not long ago. */
export interface DeadlineAlert {
  incident: string;
  controller: string;
  law: string;
  kind: string;
  due: IsoDate;
  state: DeadlineState;
  /** Days from asOf to the due date: negative once it has passed. */
  daysLeft: number;
}

/** How many of the newest incidents the overview summarises (their total is counted). */
export const OVERVIEW_INCIDENTS = 20;
/** Deadlines up to this many days ahead are due soon. */
export const DUE_SOON_DAYS = 14;
/** Deadlines passed up to this many days ago are still shown. */
export const PASSED_DAYS = 30;
// The longest clock (APPI's final report after a suspected unlawful purpose) runs 60 days: an
// incident detected earlier than this before asOf has no deadline left in the window.
const LONGEST_CLOCK_DAYS = 60;

// Each incident's reach is remembered by its record: the overview is made afresh after every
// write, but a new incident leaves the others' blast radii as they were. They read the incident
// (its record is in the key), entrustments and parties (countries, operators).
// What is kept is only what the overview reads of each: a blast radius's controllers hold what
// their paths are found from (the state graph), hundreds of megabytes at a hub.
const reaches = new PerGeneration<Reach>(256, ['entrustments', 'parties']);

/** An incident's obligations as the overview reads them. */
interface Reach {
  incident: string;
  truncated: boolean;
  controllers: {
    controller: { party: string; aware: boolean };
    obligations: BreachObligations['controllers'][number]['obligations'];
  }[];
}

async function reachOf(store: StorePort, incident: string): Promise<Reach> {
  const o = await breachObligations(store, incident);
  return {
    incident: o.incident,
    truncated: o.truncated,
    controllers: o.controllers.map((c) => ({
      controller: { party: c.controller.party, aware: c.controller.aware },
      obligations: c.obligations,
    })),
  };
}

const dateOf = (i: Incident): IsoDate | undefined => i.detected ?? i.from;
// Newest by the day it is dated by, else the day its window ended, else its announcement: many
// notices give only the day a leak was stopped (MakeShop 2014) or announced, and such an incident
// is no older than one the register dates in full.
const newestKey = (i: Incident): string => dateOf(i) ?? i.to ?? i.announced ?? '';

/** Every incident that had begun by asOf, newest first (then by id); undated last. */
export async function incidentsBy(
  store: StorePort,
  asOf: IsoDate,
  slices: Slices,
): Promise<Incident[]> {
  const all: Incident[] = [];
  for (let after: string | null = null; ;) {
    const page = await store.scanIncidents(after, 1_000);
    if (page.length === 0) break;
    for (const i of page) if ((dateOf(i) ?? '') <= asOf) all.push(i);
    after = page[page.length - 1]!.id;
    await slices.pause();
  }
  return all.sort((a, b) => {
    const [da, db] = [newestKey(a), newestKey(b)];
    return da !== db ? (da < db ? 1 : -1) : a.id.localeCompare(b.id);
  });
}

/**
 * Summaries of the newest incidents, and the deadlines of every incident whose clock can still
 * fall in the window [asOf - PASSED_DAYS, asOf + DUE_SOON_DAYS]. One blast radius per incident
 * asked about, computed once per store generation by the caller's cache.
 */
export async function incidentsOverview(
  store: StorePort,
  incidents: readonly Incident[],
  asOf: IsoDate,
): Promise<{ summaries: IncidentSummary[]; deadlines: DeadlineAlert[] }> {
  const newest = incidents.slice(0, OVERVIEW_INCIDENTS);
  const clockFrom = addDays(asOf, -(PASSED_DAYS + LONGEST_CLOCK_DAYS));
  const ticking = incidents.filter((i) => i.detected !== undefined && i.detected >= clockFrom);
  const asked = [...new Map([...newest, ...ticking].map((i) => [i.id, i])).values()];
  // Asked together: after a write each waits for the store's generation, and a new incident's
  // reach is read beside the others' remembered ones.
  const obligations = new Map<string, Reach>(
    await Promise.all(
      asked.map(
        async (incident) =>
          [
            incident.id,
            await reaches.get(store, `${incident.id}|${JSON.stringify(incident)}`, () =>
              reachOf(store, incident.id),
            ),
          ] as const,
      ),
    ),
  );
  const summaries = newest.map((i) => {
    const o = obligations.get(i.id)!;
    return {
      incident: i.id,
      date: dateOf(i),
      records: i.records,
      controllers: o.controllers.length,
      unaware: o.controllers.filter((c) => !c.controller.aware).length,
      truncated: o.truncated,
    };
  });
  return { summaries, deadlines: deadlinesOf([...obligations.values()], asOf) };
}

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Most urgent first: the ones still due, soonest first; then the passed ones, latest first. */
function deadlinesOf(all: readonly Reach[], asOf: IsoDate): DeadlineAlert[] {
  const alerts: DeadlineAlert[] = [];
  for (const o of all)
    for (const c of o.controllers)
      for (const law of c.obligations)
        for (const d of law.deadlines) {
          if (d.due === null) continue;
          const daysLeft = daysBetween(asOf, d.due);
          if (daysLeft > DUE_SOON_DAYS || daysLeft < -PASSED_DAYS) continue;
          alerts.push({
            incident: o.incident,
            controller: c.controller.party,
            law: law.law,
            kind: d.kind,
            due: d.due,
            state: daysLeft >= 0 ? 'DUE_SOON' : 'PASSED',
            daysLeft,
          });
        }
  const rank = (a: DeadlineAlert) =>
    a.daysLeft >= 0 ? a.daysLeft : DUE_SOON_DAYS + 1 - a.daysLeft;
  return alerts.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.incident.localeCompare(b.incident) ||
      a.controller.localeCompare(b.controller) ||
      a.kind.localeCompare(b.kind),
  );
}
