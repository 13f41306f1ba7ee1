import type { Resolvers } from '../resolver-types.js';
import { breachObligations } from '../../domain/breach-obligations.js';
import { certificationAlerts } from '../../domain/certifications.js';
import { crossBorder } from '../../domain/cross-border.js';
import { groupExposure } from '../../domain/group-exposure.js';
import { checkPageSize } from '../../domain/page-size.js';

export const riskResolvers: Resolvers = {
  Query: {
    crossBorder: async (_, { controller, asOf }, { store, generation }) => {
      const result = await crossBorder(store, controller, asOf ?? undefined, generation?.());
      return {
        ...result,
        hops: result.hops.map((h) => ({ ...h, transferBasis: h.entrustment.transferBasis })),
      };
    },
    concentration: async (_, { asOf, first }, { wholeGraph, generation }) =>
      wholeGraph.concentration(asOf ?? undefined, checkPageSize(first), generation?.()),
    groupExposure: async (_, { party, asOf }, { store, generation }) =>
      groupExposure(store, party, asOf ?? undefined, generation?.()),
    certificationAlerts: async (_, { controller, asOf }, { store }) =>
      certificationAlerts(store, controller, asOf ?? undefined),
    breachObligations: async (_, { incident }, { store }) => {
      const b = await breachObligations(store, incident);
      return {
        ...b,
        controllers: b.controllers.map((c) => ({
          ...c,
          party: c.controller.party,
          aware: c.controller.aware,
        })),
      };
    },
  },
};
