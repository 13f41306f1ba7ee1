import type { StorePort } from '../store/port.js';
import type { DocumentUnderCheck } from './document-under-check.js';

/**
 * Re-importing an entrustment must keep true the `under` rule of the stored entrustments that
 * perform it (their client is its contractor). A dependant the same import rewrites is checked
 * as part of the import instead; any other that the new contractor would break is an error
 * naming both ids, so nothing is written and no blast radius ever shows a disconnected "proof".
 */
export async function checkStoredDependants(
  docs: readonly DocumentUnderCheck[],
  lookup: Pick<StorePort, 'entrustmentsUnder'>,
): Promise<void> {
  const rewritten = new Set<string>();
  for (const doc of docs)
    for (const e of doc.loose.entrustments) if (e.id !== undefined) rewritten.add(e.id);
  if (rewritten.size === 0) return;
  const dependants = (await lookup.entrustmentsUnder([...rewritten])).filter(
    (d) => !rewritten.has(d.id),
  );
  if (dependants.length === 0) return;
  for (const doc of docs) {
    doc.loose.entrustments.forEach((e, i) => {
      if (e.id === undefined || e.contractor === undefined) return;
      for (const d of dependants) {
        if (d.under?.includes(e.id) && d.client !== e.contractor) {
          doc.errors.add(
            ['entrustments', i, 'contractor'],
            `"${d.id}" in the store performs "${e.id}" with client "${d.client}": changing the contractor to "${e.contractor}" would break it; change or remove "${d.id}" in the same import`,
          );
        }
      }
    });
  }
}
