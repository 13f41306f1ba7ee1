import { stringify } from 'yaml';
import type { Entrustment, Party } from '../../domain/model.js';
import type { StoredRegister } from '../stored-register.js';
import { FidesCategories } from './fides-categories.js';

// The register as fideslang manifests, so that the map loads into Fides: every party holding data
// is a `system`, and every entrustment is a data flow, the client's `egress` and the contractor's
// `ingress`, with its data categories. Fides' data uses and subjects are taxonomies of their own
// that the register's free-text purposes and subjects do not map onto: each entrustment is a
// privacy declaration with the generic use essential.service, and its purposes, subjects,
// clause, storage and access are kept in the system's meta. Categories the register accepts as
// sub-keys of fideslang's (user.government_id.my_number) are declared as data_category entries,
// as fideslang extends its own taxonomy; keys newer than fideslang's release are named as it
// knows them (fides-categories.ts).

const ORGANIZATION = 'default_organization';
const DATA_USE = 'essential.service';
/** fideslang's legal bases for transfers; APPI Art. 28's bases have no closer match than these. */
const TRANSFER_BASIS: Record<string, string> = {
  adequacy: 'Adequacy Decision',
  'equivalent-measures': 'Other',
  consent: 'Other',
};

export function fidesManifest(register: StoredRegister): string {
  const parties = new Map(register.parties.map((p) => [p.id, p]));
  const categories = new FidesCategories(ORGANIZATION, register.categories);
  const keys = (data: readonly string[]) => [...new Set(data.map((k) => categories.key(k)))];
  const holding = new Set(register.entrustments.flatMap((e) => [e.client, e.contractor]));
  const country = (p: Party | undefined): string | undefined =>
    p?.country ?? (p?.operator ? parties.get(p.operator)?.country : undefined);
  const system = register.parties
    .filter((p) => holding.has(p.id))
    .map((p) => {
      const out = register.entrustments.filter((e) => e.client === p.id);
      const into = register.entrustments.filter((e) => e.contractor === p.id);
      const home = country(p);
      const abroad = (e: Entrustment) => {
        const where = [...e.storage, ...e.access, country(parties.get(e.contractor))];
        return where.some((c) => c !== undefined && home !== undefined && c !== home);
      };
      const transfers = out.filter(abroad);
      return {
        fides_key: p.id,
        organization_fides_key: ORGANIZATION,
        name: p.name,
        description: `${p.kind}${home ? ` (${home})` : ''}${p.operator ? `, operated by ${p.operator}` : ''}`,
        system_type: p.kind === 'service' ? 'Service' : 'Organization',
        // fideslang refuses a declaration's flow list, even an empty one, where its system has none.
        ...nonEmpty(
          'egress',
          flows(out, (e) => e.contractor, keys),
        ),
        ...nonEmpty(
          'ingress',
          flows(into, (e) => e.client, keys),
        ),
        privacy_declarations: into.map((e) => ({
          name: e.purposes.length ? `${e.id}: ${e.purposes.join(', ')}` : e.id,
          data_categories: keys(e.data),
          data_use: DATA_USE,
          data_subjects: [],
          ...nonEmpty('egress', [
            ...new Set(out.filter((o) => o.under?.includes(e.id)).map((o) => o.contractor)),
          ]),
          ingress: [e.client],
        })),
        does_international_transfers: transfers.length > 0,
        legal_basis_for_transfers: [
          ...new Set(
            transfers.flatMap((e) => (e.transferBasis ? [TRANSFER_BASIS[e.transferBasis]!] : [])),
          ),
        ],
        meta: {
          vendor_chain: {
            kind: p.kind,
            ...(home ? { country: home } : {}),
            entrustments: into.map((e) => ({
              id: e.id,
              client: e.client,
              purposes: e.purposes,
              subjects: e.subjects,
              reentrustment: e.reentrustment,
              disclosed: e.disclosed,
              storage: e.storage,
              access: e.access,
              ...(e.transferBasis ? { transferBasis: e.transferBasis } : {}),
              ...(e.from ? { from: e.from } : {}),
              ...(e.to ? { to: e.to } : {}),
            })),
          },
        },
      };
    });
  const declared = categories.declared();
  return stringify(declared.length ? { data_category: declared, system } : { system }, {
    lineWidth: 0,
  });
}

const nonEmpty = <K extends string, T>(key: K, list: T[]) =>
  (list.length ? { [key]: list } : {}) as Partial<Record<K, T[]>>;

/** One flow per counterpart, with the union of the categories of every entrustment to it. */
function flows(
  entrustments: Entrustment[],
  other: (e: Entrustment) => string,
  keys: (data: readonly string[]) => string[],
) {
  const by = new Map<string, Set<string>>();
  for (const e of entrustments) {
    const categories = by.get(other(e)) ?? new Set<string>();
    for (const key of keys(e.data)) categories.add(key);
    by.set(other(e), categories);
  }
  return [...by].map(([key, categories]) => ({
    fides_key: key,
    type: 'system',
    data_categories: [...categories].sort(),
  }));
}
