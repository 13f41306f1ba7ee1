import type { IResolvers } from 'mercurius';
import { blastRadius } from '../../domain/blast-radius.js';
import { resolveLeak, type LeakQuery } from '../../domain/leak.js';
import { findingId, type FindingsPage } from '../../domain/findings-page.js';
import type { Finding, FindingsQuery } from '../../domain/redelegation.js';
import { supplyChain } from '../../domain/supply-chain.js';
import { BadInputError } from '../../errors.js';

export const analysisResolvers: IResolvers = {
  Query: {
    blastRadius: async (_, args: LeakQuery & { maxPathsPerController: number }, { store }) => {
      if (args.maxPathsPerController < 1)
        throw new BadInputError('maxPathsPerController', 'must be at least 1');
      const leak = await resolveLeak(store, args);
      const result = await blastRadius(store, leak, {
        maxPathsPerController: args.maxPathsPerController,
      });
      return {
        leakingParty: leak.party,
        incident: leak.incident,
        from: leak.window.from,
        to: leak.window.to,
        data: leak.data,
        controllers: result.controllers,
        notExposed: result.notExposed,
        notExposedCount: result.notExposedCount,
        unawareCount: result.controllers.filter((c) => !c.aware).length,
        truncated: result.truncated,
        unexplored: result.unexplored,
      };
    },
    redelegationFindings: async (_, args: FindingsQuery & FindingsPage, { wholeGraph }) =>
      wholeGraph.findings(args),
    supplyChain: async (
      _,
      { controller, asOf }: { controller: string; asOf?: string },
      { store },
    ) => {
      const chain = await supplyChain(store, controller, asOf ?? undefined);
      const entrustments = new Map(chain.links.map((l) => [l.entrustment.id, l.entrustment]));
      const members = chain.members.map((m) => ({
        ...m,
        via: m.via.map((id) => entrustments.get(id)),
      }));
      return { ...chain, members, entrustments: [...entrustments.values()] };
    },
  },
  RedelegationFinding: {
    id: (finding: Finding) => findingId(finding),
  },
};
