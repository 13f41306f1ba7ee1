import type { IResolvers } from 'mercurius';
import { importRegister } from '../../register/import.js';

export const registerResolvers: IResolvers = {
  Mutation: {
    importRegister: async (_, { document, dryRun }: { document: string; dryRun: boolean }, { store, principal }) => ({
      ...(await importRegister(store, document, { dryRun, actor: principal?.name ?? 'anonymous', action: 'importRegister' })),
      dryRun,
    }),
  },
};
