import type { IResolvers } from 'mercurius';
import { overview } from '../../domain/overview/overview.js';

export const overviewResolvers: IResolvers = {
  Query: {
    overview: async (_, { asOf }: { asOf?: string | null }, { store, wholeGraph }) =>
      overview(store, wholeGraph, asOf ?? undefined),
  },
};
