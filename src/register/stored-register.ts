import type { Category, Entrustment, Incident, Party, Source } from '../domain/model.js';
import { supplyChain } from '../domain/supply-chain.js';
import type { StorePort } from '../store/port.js';

// What the store holds, written back as a register document that imports into an empty store as
// the same records: the whole store, or one controller's chain with everything it refers to.

export interface StoredRegister {
  register: 1;
  /** The data categories registers declared: a chain's export carries them all (a short list). */
  categories?: Category[];
  sources: Source[];
  parties: Party[];
  entrustments: Entrustment[];
  incidents: Incident[];
}

const PAGE = 1000;

export async function storedRegister(
  store: StorePort,
  controller?: string,
): Promise<StoredRegister> {
  const { parties, entrustments } =
    controller === undefined ? await everything(store) : await chainOf(store, controller);
  const incidents = (
    await inBatches(
      parties.map((p) => p.id),
      (ids) => store.incidentsAt(ids),
    )
  )
    .filter(unique())
    .sort(byId);
  const sourceIds = new Set<string>();
  for (const record of [...parties, ...entrustments, ...incidents]) {
    for (const id of record.sources) sourceIds.add(id);
    if ('certifications' in record)
      for (const c of record.certifications) for (const id of c.sources) sourceIds.add(id);
  }
  const sources = (await inBatches([...sourceIds], (ids) => store.sources(ids))).sort(byId);
  const categories = await store.categories();
  return {
    register: 1,
    ...(categories.length > 0 ? { categories } : {}),
    sources,
    parties: parties.sort(byId),
    entrustments: entrustments.map(withoutRetired).sort(byId),
    incidents,
  };
}

async function everything(store: StorePort) {
  const parties: Party[] = [];
  for (let page = await store.scanParties(null, PAGE); page.length > 0;) {
    parties.push(...page);
    page = page.length < PAGE ? [] : await store.scanParties(page.at(-1)!.id, PAGE);
  }
  const entrustments: Entrustment[] = [];
  for (let page = await store.scanEntrustments(null, PAGE); page.length > 0;) {
    entrustments.push(...page);
    page = page.length < PAGE ? [] : await store.scanEntrustments(page.at(-1)!.id, PAGE);
  }
  return { parties, entrustments };
}

// The chain's entrustments and parties, and the parties they name (operators, parents,
// consortia, approvers, an incident's party), level by level until nothing new is named.
async function chainOf(store: StorePort, controller: string) {
  const chain = await supplyChain(store, controller);
  const inChain = chain.links.map((l) => l.entrustment).filter(unique());
  // A re-entrustment may also perform other controllers' entrustments: the document names only
  // the ones it holds, so that it imports on its own (one of this chain's is always among them).
  const held = new Set(inChain.map((e) => e.id));
  const entrustments = inChain.map((e) =>
    e.under === undefined ? e : { ...e, under: e.under.filter((id) => held.has(id)) },
  );
  const wanted = new Set<string>([controller]);
  for (const e of entrustments) {
    wanted.add(e.client).add(e.contractor);
    for (const id of e.approvedBy) wanted.add(id);
  }
  const parties = new Map<string, Party>();
  for (let missing = [...wanted]; missing.length > 0;) {
    const found = await inBatches(missing, (ids) => store.parties(ids));
    missing = [];
    for (const p of found) {
      parties.set(p.id, p);
      for (const id of [p.operator, p.parent, ...p.memberOf.map((m) => m.party)])
        if (id !== undefined && !wanted.has(id)) {
          wanted.add(id);
          missing.push(id);
        }
    }
  }
  return { parties: [...parties.values()], entrustments };
}

async function inBatches<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += PAGE) out.push(...(await read(ids.slice(i, i + PAGE))));
  return out;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function unique<T extends { id: string }>() {
  const seen = new Set<string>();
  return (record: T) => !seen.has(record.id) && seen.add(record.id) !== undefined;
}

// `retired` is stored, never written in a register (register-format.md).
function withoutRetired(e: Entrustment): Entrustment {
  if (!e.retired) return e;
  const { retired: _retired, ...rest } = e;
  return rest;
}
