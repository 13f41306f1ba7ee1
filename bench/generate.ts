// A synthetic register shaped like real vendor maps: controllers entrust to contractors, who
// re-entrust down chains of up to six hops, and a few SaaS hubs receive a large share of it all.

const CATEGORIES = [
  'user.name',
  'user.contact.email',
  'user.contact.address',
  'user.financial.credit_card',
  'user.behavior.purchase_history',
  'user.government_id.national_identification_number',
  'user.health',
];
const CLAUSES = ['forbidden', 'approval-required', 'allowed', 'unknown'] as const;

export interface Synthetic {
  document: string;
  parties: number;
  entrustments: number;
  hubs: string[];
  leaves: string[];
  /** Controllers that entrusted something: where supply chains start. */
  controllers: string[];
}

/** A small, seeded PRNG so every run measures the same graph. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(partyCount: number, seed = 42): Synthetic {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const pad = (n: number) => String(n).padStart(7, '0');
  const tiers: string[][] = [[], [], [], [], [], [], []];
  const hubs: string[] = [];
  const parties: object[] = [];
  for (let i = 0; i < partyCount; i++) {
    const id = `p${pad(i)}`;
    const r = i / partyCount;
    const isHub = i % 200 === 199;
    const tier = isHub ? -1 : r < 0.3 ? 0 : 1 + Math.floor(((r - 0.3) / 0.7) * 6);
    if (isHub) hubs.push(id);
    else tiers[Math.min(tier, 6)].push(id);
    parties.push({
      id,
      name: `Party ${i}`,
      kind: isHub ? 'service' : tier === 0 ? 'municipality' : 'company',
      country: rnd() < 0.9 ? 'JP' : pick(['KR', 'CN', 'US', 'DE']),
    });
  }
  const entrustments: Record<string, unknown>[] = [];
  const received = new Map<string, number>();
  const period = () => {
    const start = 2010 + Math.floor(rnd() * 12);
    const from = `${start}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01`;
    return rnd() < 0.3 ? { from } : { from, to: `${start + 1 + Math.floor(rnd() * 6)}-01-01` };
  };
  const add = (client: string, contractor: string, under: string[] | undefined, depth: number) => {
    const id = `e${pad(entrustments.length)}`;
    const data = [pick(CATEGORIES), pick(CATEGORIES)].filter((c, i, all) => all.indexOf(c) === i);
    entrustments.push({
      id,
      client,
      contractor,
      ...(under ? { under } : {}),
      data,
      ...period(),
      reentrustment: pick(CLAUSES),
      disclosed: rnd() < 0.8,
      records: Math.floor(rnd() * 100_000),
    });
    received.set(contractor, (received.get(contractor) ?? 0) + 1);
    // Each hop re-entrusts with probability 0.7, down to depth 6; most links declare `under`.
    if (depth < 6 && rnd() < 0.7) {
      const next = rnd() < 0.1 ? pick(hubs) : pick(tiers[Math.min(depth + 1, 6)]);
      if (next && next !== contractor)
        add(contractor, next, rnd() < 0.8 ? [id] : undefined, depth + 1);
    }
  };
  const target = partyCount * 10;
  while (entrustments.length < target) {
    const controller = pick(tiers[0]);
    add(controller, rnd() < 0.1 ? pick(hubs) : pick(tiers[1]), [], 1);
  }
  const leaves = [...tiers[5], ...tiers[6]].filter(
    (p) => (received.get(p) ?? 0) > 0 && (received.get(p) ?? 0) <= 20,
  );
  return {
    document: JSON.stringify({ register: 1, parties, entrustments }),
    parties: parties.length,
    entrustments: entrustments.length,
    hubs,
    leaves,
    controllers: [...new Set(entrustments.slice(0, 2_000).map((e) => e.client as string))].slice(
      0,
      200,
    ),
  };
}
