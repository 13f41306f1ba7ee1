import type { AffectedController, BlastRadius } from '../domain/blast-radius.js';
import type { CategorySet } from '../domain/categories.js';
import type { Period } from '../domain/dates.js';
import type { Entrustment } from '../domain/model.js';
import type { NotificationPacket } from '../domain/notification-packets.js';
import type { ChainMember, SupplyChain } from '../domain/supply-chain.js';

// What the resolvers answer where the domain's value is not the schema's object as it stands: a
// relation held as an id (loaders.ts fetches the records, one batch per level), or a field the
// resolver adds for a field resolver below it. They are mappers of resolver-types.ts
// (scripts/resolver-types-module.ts), so each resolver is checked against the shape it gives.

/** An affected controller with the path cap the blast radius was asked with (`paths` keeps to it). */
export interface CappedController extends AffectedController {
  pathCap: number;
}

/** A blast radius with its leak spread out; the leaking party and the incident are ids. */
export interface BlastRadiusAnswer
  extends Pick<BlastRadius, 'notExposed' | 'notExposedCount' | 'truncated' | 'unexplored'>, Period {
  leakingParty: string;
  incident?: string;
  data: CategorySet;
  controllers: CappedController[];
  unawareCount: number;
}

/** A chain member with the entrustments it holds the data through, instead of their ids. */
export interface ChainMemberAnswer extends Omit<ChainMember, 'via'> {
  via: Entrustment[];
}

/** A supply chain with its members' entrustments, once each. */
export interface SupplyChainAnswer extends Omit<SupplyChain, 'members'> {
  members: ChainMemberAnswer[];
  entrustments: Entrustment[];
}

/** A packet flattened onto its controller (the party an id), with its renderings. */
export interface NotificationPacketAnswer
  extends
    AffectedController,
    Pick<NotificationPacket, 'incident' | 'clockStarted' | 'undisclosed' | 'obligations'> {
  markdown: string;
  fileName: string;
}
