import type { Resolvers } from '../resolver-types.js';
import { supplyChainChanges } from '../../domain/supply-chain-changes.js';
import { removeRecords } from '../../register/remove.js';
import { revisions } from '../../register/revisions.js';
import type { Reference } from '../../store/port.js';

const dependant = (r: Reference) => ({
  record: `${r.from.kind}/${r.from.id}`,
  field: r.field,
  refersTo: `${r.to.kind}/${r.to.id}`,
});

export const lifecycleResolvers: Resolvers = {
  Mutation: {
    removeRecords: async (_, ids, { store, principal, lifecycle }) => {
      // An id list given as null names nothing, as an absent one does.
      const named = {
        entrustments: ids.entrustments ?? undefined,
        parties: ids.parties ?? undefined,
        incidents: ids.incidents ?? undefined,
        sources: ids.sources ?? undefined,
      };
      const report = await removeRecords(store, named, {
        actor: principal?.name ?? 'anonymous',
        action: 'removeRecords',
        now: lifecycle.now(),
      });
      return {
        ...report,
        dependants: report.dependants.map(dependant),
        revision: report.revision ?? null,
      };
    },
  },
  Query: {
    revisions: async (_, { first, after }, { store }) => revisions(store, first, after ?? null),
    supplyChainChanges: async (_, { controller, from, to }, { store }) =>
      supplyChainChanges(store, controller, from, to),
  },
  Entrustment: {
    retired: (e) => e.retired === true,
  },
};
