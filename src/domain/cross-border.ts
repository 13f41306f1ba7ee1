import type { IsoDate } from './dates.js';
import { rememberedParties } from './graph/remembered-parties.js';
import type { LinkKind } from './links.js';
import type { Entrustment } from './model.js';
import { supplyChain } from './supply-chain.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { StorePort } from '../store/port.js';

export interface CrossBorderHop {
  entrustment: Entrustment;
  /** Controller's entrustment first, this hop last (the shallowest way down). */
  path: Entrustment[];
  link: LinkKind;
  /** Foreign countries where the data is stored. */
  stored: string[];
  /** Foreign countries from which it is accessed. */
  accessed: string[];
  /** The register records neither storage nor access: the hop is never taken to be domestic. */
  locationUnknown: boolean;
  /** For a hop of unknown location: the foreign countries of its contractor and the contractor's operator. */
  possiblyIn: string[];
  /** APPI Art. 28: provision to a third party abroad needs a basis; none recorded is a finding. */
  missingBasis: boolean;
}

export interface CrossBorder {
  controller: string;
  country: string;
  hops: CrossBorderHop[];
  /** Hops that store or access the data abroad. */
  crossBorderCount: number;
  /** Hops whose storage location is not recorded: unknown, so never counted as cross-border. */
  locationNotRecordedCount: number;
}

/**
 * Every hop of a controller's chain whose storage or access countries differ from its own, and every
 * hop whose location the register does not record: silence is no evidence that data stayed home,
 * and a foreign contractor (or operator) makes abroad likely.
 */
export async function crossBorder(
  store: StorePort,
  controller: string,
  asOf?: IsoDate,
  /** The store's write generation when the asker's request began (PerGeneration.get). */
  asked?: Promise<number>,
): Promise<CrossBorder> {
  // The controller read beside its chain; the chain's walk says when there is no such party.
  // The members' parties (the countries of hops of unknown location) beside the chain's records.
  const [chain, [party]] = await Promise.all([
    supplyChain(store, controller, asOf, (members) => rememberedParties(store, members, asked)),
    rememberedParties(store, [controller], asked),
  ]);
  if (!party) throw new NotFoundError('party', controller);
  if (!party.country)
    throw new BadInputError(
      'controller',
      `${controller} has no country in the register, so no hop can be called foreign; add country to the party`,
    );
  const home = party.country;
  // Links arrive level by level, so the first link of an entrustment is its shallowest.
  const shallowest = new Map<string, (typeof chain.links)[number]>();
  for (const l of chain.links)
    if (!shallowest.has(l.entrustment.id)) shallowest.set(l.entrustment.id, l);
  const pathTo = (e: Entrustment): Entrustment[] => {
    const path = [e];
    for (
      let up = shallowest.get(e.id)?.upstream;
      up && !path.includes(up);
      up = shallowest.get(up.id)?.upstream
    )
      path.unshift(up);
    return path;
  };
  const unlocated = [...shallowest.values()].filter(
    ({ entrustment: e }) => e.storage.length === 0 && e.access.length === 0,
  );
  const foreignCountries = await foreignCountriesOf(
    store,
    unlocated.map((l) => l.entrustment.contractor),
    home,
    asked,
  );
  const hops: CrossBorderHop[] = [];
  for (const { entrustment: e, link } of shallowest.values()) {
    const stored = foreign(e.storage, home);
    const accessed = foreign(e.access, home);
    const locationUnknown = e.storage.length === 0 && e.access.length === 0;
    const possiblyIn = locationUnknown ? (foreignCountries.get(e.contractor) ?? []) : [];
    if (!locationUnknown && stored.length === 0 && accessed.length === 0) continue;
    const abroad = stored.length > 0 || accessed.length > 0 || possiblyIn.length > 0;
    hops.push({
      entrustment: e,
      path: pathTo(e),
      link,
      stored,
      accessed,
      locationUnknown,
      possiblyIn,
      missingBasis: abroad && e.transferBasis === undefined,
    });
  }
  const locationNotRecordedCount = hops.filter((h) => h.locationUnknown).length;
  return {
    controller,
    country: home,
    hops,
    crossBorderCount: hops.length - locationNotRecordedCount,
    locationNotRecordedCount,
  };
}

const foreign = (countries: string[], home: string) =>
  [...new Set(countries.filter((c) => c !== home))].sort();

/** Per contractor: the foreign countries where it or its operator is registered (two batched reads). */
async function foreignCountriesOf(
  store: StorePort,
  contractors: string[],
  home: string,
  asked: Promise<number> | undefined,
): Promise<Map<string, string[]>> {
  // Remembered for the generation: a hub's chain has tens of thousands of contractors, and a
  // store over the network read them all again on each ask.
  const parties = await rememberedParties(store, [...new Set(contractors)], asked);
  const operators = new Map(
    (
      await rememberedParties(
        store,
        [...new Set(parties.flatMap((p) => (p.operator ? [p.operator] : [])))],
        asked,
      )
    ).map((o) => [o.id, o]),
  );
  return new Map(
    parties.map((p) => [
      p.id,
      foreign(
        [p.country, operators.get(p.operator ?? '')?.country].filter(
          (c): c is string => c !== undefined,
        ),
        home,
      ),
    ]),
  );
}
