import { INCIDENT_PAGE } from '../model/queries.js';
import { gql } from './api.js';

export interface IncidentRow {
  id: string;
  kind: string;
  from: string | null;
  to: string | null;
  detected: string | null;
  records: number | null;
  party: { id: string; name: string; kind: string };
}

let cached: Promise<IncidentRow[]> | undefined;

/** Every incident, newest first (by start, else detection): asked once per page. */
export function loadIncidents(): Promise<IncidentRow[]> {
  cached ??= (async () => {
    const all: IncidentRow[] = [];
    let after: string | undefined;
    for (;;) {
      const { parties } = await gql<{ parties: { id: string; incidents: IncidentRow[] }[] }>(
        INCIDENT_PAGE,
        { after },
      );
      for (const p of parties) all.push(...p.incidents);
      if (parties.length < 500) break;
      after = parties[parties.length - 1].id;
    }
    const when = (i: IncidentRow) => i.from ?? i.detected ?? '';
    return all.sort((a, b) => when(b).localeCompare(when(a)) || a.id.localeCompare(b.id));
  })();
  return cached;
}
