import type { Resolvers } from '../resolver-types.js';
import { overview } from '../../domain/overview/overview.js';

export const overviewResolvers: Resolvers = {
  Query: {
    overview: async (_, { asOf }, { store, wholeGraph }) =>
      overview(store, wholeGraph, asOf ?? undefined),
  },
};
