import type { Resolvers } from '../resolver-types.js';
import { blastRadius, DEFAULT_PATHS_PER_CONTROLLER } from '../../domain/blast-radius.js';
import { rememberedParties } from '../../domain/graph/remembered-parties.js';
import { leakAsked } from '../../domain/leak.js';
import { findingId } from '../../domain/findings-page.js';
import { supplyChain, supplyChainMembers } from '../../domain/supply-chain.js';
import { BadInputError } from '../../errors.js';
import { selects } from '../selection.js';

export const analysisResolvers: Resolvers = {
  Query: {
    blastRadius: async (_, args, { store, generation }, info) => {
      const cap = args.maxPathsPerController ?? Infinity;
      if (cap < 1) throw new BadInputError('maxPathsPerController', 'must be at least 1');
      const asked = generation?.();
      const { leak, known } = await leakAsked(store, args);
      const result = await blastRadius(store, leak, {
        // Paths are searched per controller: not at all when the query shows none.
        maxPathsPerController: selects(info, ['controllers', 'paths'])
          ? Math.min(cap, DEFAULT_PATHS_PER_CONTROLLER)
          : 0,
        // The stops' records are read to be shown: not when the query shows none (their count
        // is the walk's).
        ...(selects(info, ['notExposed']) ? {} : { maxNotExposed: 0 }),
        ...(asked ? { asked } : {}),
        // Read with the blast radius in one batch, so each controller's party is a value, not a
        // promise: graphql-js completes a list of values in one pass, and a hub's 26k promises
        // took a fifth of an answer.
        parties: selects(info, ['controllers', 'party']),
      });
      // A walk that read an entrustment to the party has shown the register holds it.
      if (!result.leakIsContractor) await known();
      const read = result.parties;
      return {
        leakingParty: leak.party,
        incident: leak.incident,
        from: leak.window.from,
        to: leak.window.to,
        data: leak.data,
        // Each field named, not spread: one shape for a hub's 26k (a spread took 60 ms of them).
        controllers: result.controllers.map((c) => ({
          party: c.party,
          exposure: c.exposure,
          aware: c.aware,
          data: c.data,
          dataKnown: c.dataKnown,
          subjects: c.subjects,
          records: c.records,
          paths: c.paths,
          pathCount: c.pathCount,
          morePaths: c.morePaths,
          pathCap: cap,
          partyRead: read?.get(c.party),
        })),
        notExposed: result.notExposed,
        // Read when shown: counting the stops beyond cycles searches paths.
        get notExposedCount() {
          return result.notExposedCount;
        },
        unawareCount: result.controllers.filter((c) => !c.aware).length,
        truncated: result.truncated,
        unexplored: result.unexplored,
      };
    },
    redelegationFindings: async (_, args, { wholeGraph, generation }, info) =>
      wholeGraph.findings(args, {
        lean: !selects(info, ['explanation']) && !selects(info, ['missingApprovals']),
        ...(generation ? { asked: generation() } : {}),
      }),
    supplyChain: async (_, { controller, asOf }, { store, generation }, info) => {
      // The parties the answer shows, read beside the chain's records and remembered for the
      // loaders that show them (loaders.ts): one round trip on Neo4j where they were two in turn.
      const showsMembers = selects(info, ['parties']) || selects(info, ['members', 'party']);
      const showsController = selects(info, ['controller']);
      const asked = generation?.();
      const shown = (members: readonly string[]) =>
        rememberedParties(
          store,
          [...(showsController ? [controller] : []), ...(showsMembers ? members : [])],
          asked,
        );
      const readParties = showsMembers || showsController ? shown : undefined;
      // The entrustments' records only when the answer shows them: a query of who holds the data
      // and at which depth reads the walk's ids alone.
      const showsRecords =
        selects(info, ['links']) ||
        selects(info, ['entrustments']) ||
        selects(info, ['members', 'via']) ||
        selects(info, ['members', 'countries']);
      if (!showsRecords) {
        const walked = await supplyChainMembers(store, controller, asOf ?? undefined, readParties);
        // Not asked, so not read: the fields below stay empty in an answer that does not show them.
        const members = walked.members.map((m) => ({ ...m, via: [], countries: [] }));
        return { ...walked, members, links: [], entrustments: [] };
      }
      const chain = await supplyChain(store, controller, asOf ?? undefined, readParties);
      const entrustments = new Map(chain.links.map((l) => [l.entrustment.id, l.entrustment]));
      const members = chain.members.map((m) => ({
        ...m,
        // Every id in via is an entrustment of the chain's links.
        via: m.via.flatMap((id) => entrustments.get(id) ?? []),
      }));
      return { ...chain, members, entrustments: [...entrustments.values()] };
    },
  },
  AffectedController: {
    // Not async: a value where the blast radius read it (see above), a promise only where not.
    party: (c, _, { store, generation }) =>
      c.partyRead ??
      rememberedParties(store, [c.party], generation?.()).then(([party]) => {
        if (!party) throw new Error(`controller ${c.party} is not a party of the register`);
        return party;
      }),
    paths: async (c, { first }) => {
      if (first < 1) throw new BadInputError('first', 'must be at least 1');
      const n = Math.min(first, c.pathCap);
      return n <= c.paths.length || c.paths.length === c.pathCount
        ? c.paths.slice(0, n)
        : c.morePaths(n);
    },
  },
  RedelegationFinding: {
    id: (finding) => findingId(finding),
  },
};
