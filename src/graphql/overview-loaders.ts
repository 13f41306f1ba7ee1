import type { MercuriusLoaders } from 'mercurius';
import type { Incident, Party } from '../domain/model.js';
import type { StorePort } from '../store/port.js';
import { one, parties } from './loaders.js';

const incidents = (s: StorePort, ids: string[]) => s.incidents(ids);

/** The overview's relations: a home page lists dozens of them, each resolved in one batch. */
export const overviewLoaders = {
  IncidentSummary: {
    incident: one<{ incident: string }, Incident>(incidents, (s) => s.incident),
  },
  DeadlineAlert: {
    incident: one<{ incident: string }, Incident>(incidents, (d) => d.incident),
    controller: one<{ controller: string }, Party>(parties, (d) => d.controller),
  },
  OverviewCertificationAlert: {
    party: one<{ party: string }, Party>(parties, (a) => a.party),
  },
} as unknown as MercuriusLoaders;
