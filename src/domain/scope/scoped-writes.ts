import { OutOfScopeError } from '../../errors.js';
import type { RegisterBatch } from '../model.js';
import type { StorePort } from '../../store/port.js';
import type { ScopeView } from './scope-view.js';

/**
 * Refuses a batch that would write outside the scope's chains. An entrustment is inside when it
 * continues the chains by declaration: its `under` names only entrustments of the scope (or of the
 * batch that are inside), or it is a controller's own (`under` empty or absent, the client one of
 * the controllers). An inferred link from any other party is refused: inference could attach it
 * to another controller's chain. A party, incident or source is inside when the scope shows it, or
 * when it is new and the batch links it in. Records outside are named by id only, whether or not
 * they exist, so the refusal tells nothing about the rest of the store.
 */
export async function checkScopedWrite(
  inner: StorePort,
  view: ScopeView,
  batch: RegisterBatch,
): Promise<void> {
  const controllers = new Set(view.controllers);
  const parties = new Set(view.parties);
  const entrustments = new Set(view.entrustments);
  const [existingE, existingP, existingI, existingS] = await Promise.all([
    inner.entrustments(batch.entrustments.map((e) => e.id)),
    inner.parties(batch.parties.map((p) => p.id)),
    inner.incidents(batch.incidents.map((i) => i.id)),
    inner.sources(batch.sources.map((s) => s.id)),
  ]);
  const exists = (records: { id: string }[]) => new Set(records.map((r) => r.id));
  const [oldE, oldP, oldI, oldS] = [existingE, existingP, existingI, existingS].map(exists);
  const outside: string[] = [];

  // One that exists outside the scope is not overwritten, whatever it would become.
  const hidden = (e: { id: string }) => !view.entrustments.has(e.id) && oldE!.has(e.id);
  outside.push(...batch.entrustments.filter(hidden).map((e) => `entrustments/${e.id}`));
  // Batch entrustments may continue each other: accept until nothing more is accepted.
  let pending = batch.entrustments.filter((e) => !hidden(e));
  for (let accepted = true; accepted;) {
    accepted = false;
    pending = pending.filter((e) => {
      const own = (e.under ?? []).length === 0 && controllers.has(e.client);
      const continues =
        e.under !== undefined && e.under.length > 0 && e.under.every((u) => entrustments.has(u));
      if (!own && !continues) return true;
      entrustments.add(e.id);
      parties.add(e.client);
      parties.add(e.contractor);
      accepted = true;
      return false;
    });
  }
  outside.push(...pending.map((e) => `entrustments/${e.id}`));
  for (const p of batch.parties)
    if (!view.parties.has(p.id) && (oldP!.has(p.id) || !parties.has(p.id)))
      outside.push(`parties/${p.id}`);
  for (const i of batch.incidents)
    if (!parties.has(i.party) || (!view.incidents.has(i.id) && oldI!.has(i.id)))
      outside.push(`incidents/${i.id}`);
  for (const s of batch.sources)
    if (!view.sources.has(s.id) && oldS!.has(s.id)) outside.push(`sources/${s.id}`);
  if (outside.length > 0)
    throw new OutOfScopeError(
      `writing ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? ` and ${outside.length - 10} more` : ''} (outside the chains of ${view.controllers.join(', ')})`,
    );
}
