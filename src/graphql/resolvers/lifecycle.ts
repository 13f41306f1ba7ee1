import type { IResolvers } from 'mercurius';
import type { Entrustment } from '../../domain/model.js';
import { supplyChainChanges } from '../../domain/supply-chain-changes.js';
import { removeRecords } from '../../register/remove.js';
import { revisions } from '../../register/revisions.js';
import type { RemoveIds, Reference } from '../../store/port.js';

const dependant = (r: Reference) => ({
  record: `${r.from.kind}/${r.from.id}`,
  field: r.field,
  refersTo: `${r.to.kind}/${r.to.id}`,
});

export const lifecycleResolvers: IResolvers = {
  Mutation: {
    removeRecords: async (_, ids: RemoveIds, { store, principal, lifecycle }) => {
      const report = await removeRecords(store, ids, {
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
    revisions: async (_, { first, after }: { first: number; after?: string | null }, { store }) =>
      revisions(store, first, after ?? null),
    supplyChainChanges: async (
      _,
      { controller, from, to }: { controller: string; from: string; to: string },
      { store },
    ) => supplyChainChanges(store, controller, from, to),
  },
  Entrustment: {
    retired: (e: Entrustment) => e.retired === true,
  },
};
