import { rememberedParties } from './graph/remembered-parties.js';
import { blastRadius, type AffectedController } from './blast-radius.js';
import { overlaps } from './categories.js';
import { addDays, type IsoDate } from './dates.js';
import {
  JURISDICTIONS,
  OVER_PEOPLE,
  TRIGGER_CATEGORIES,
  UNLAWFUL_KINDS,
  type Trigger,
} from './breach-rules.js';
import { resolveLeak } from './leak.js';
import { NotFoundError } from '../errors.js';
import type { StorePort } from '../store/port.js';

export interface Obligation {
  law: string;
  citation: string;
  required: boolean;
  triggers: Trigger[];
  deadlines: { kind: string; due: IsoDate | null; description: string }[];
}

export interface ControllerObligations {
  controller: AffectedController;
  /** An unaware controller gets no dates: nobody will start its clock. */
  clockStarted: boolean;
  obligations: Obligation[];
}

export interface BreachObligations {
  incident: string;
  detected?: IsoDate;
  controllers: ControllerObligations[];
  /** Some path counts are lower bounds (the controllers are all there). */
  truncated: boolean;
}

/** For each controller an incident reaches: must it report, under which law, by when. */
export async function breachObligations(
  store: StorePort,
  incidentId: string,
): Promise<BreachObligations> {
  const [incident] = await store.incidents([incidentId]);
  if (!incident) throw new NotFoundError('incident', incidentId);
  const radius = await blastRadius(store, await resolveLeak(store, { incident: incidentId }));
  const countries = new Map(
    (
      await rememberedParties(
        store,
        radius.controllers.map((c) => c.party),
      )
    ).map((p) => [p.id, p.country]),
  );
  const controllers = radius.controllers.map((c) => {
    const data = c.dataKnown ? c.data : incident.data;
    const people = c.records ?? incident.records;
    const holds: Record<Trigger, boolean> = {
      SPECIAL_CARE: data.length > 0 && overlaps(data, TRIGGER_CATEGORIES.SPECIAL_CARE!),
      FINANCIAL_HARM: data.length > 0 && overlaps(data, TRIGGER_CATEGORIES.FINANCIAL_HARM!),
      UNLAWFUL_PURPOSE: UNLAWFUL_KINDS.includes(incident.kind),
      OVER_1000: people !== undefined && people > OVER_PEOPLE,
    };
    const clockStarted = c.aware && incident.detected !== undefined;
    const obligations = JURISDICTIONS.filter((j) =>
      j.countries.includes(countries.get(c.party) ?? ''),
    ).map((j) => {
      const triggers = j.triggers.filter((t) => holds[t]);
      const required = j.triggers.length === 0 || triggers.length > 0;
      const deadlines = required
        ? j.deadlines
            .filter((d) => (!d.onlyWhen || holds[d.onlyWhen]) && (!d.unless || !holds[d.unless]))
            .map((d) => ({
              kind: d.kind,
              due: clockStarted ? addDays(incident.detected!, d.days ?? 0) : null,
              description: d.description,
            }))
        : [];
      return { law: j.law, citation: j.citation, required, triggers, deadlines };
    });
    return { controller: c, clockStarted, obligations };
  });
  return {
    incident: incident.id,
    detected: incident.detected,
    controllers,
    truncated: radius.truncated,
  };
}
