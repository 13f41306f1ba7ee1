import type { IResolvers } from 'mercurius';
import { importRegister } from '../../register/import.js';

export const registerResolvers: IResolvers = {
  Mutation: {
    importRegister: async (_, { document, dryRun }: { document: string; dryRun: boolean }, { store }) => ({
      ...(await importRegister(store, document, { dryRun })),
      dryRun,
    }),
  },
};
