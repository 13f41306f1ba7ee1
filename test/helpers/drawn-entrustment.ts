// Pieces of a drawn entrustment written as one line of register YAML, shared by the property
// tests that build small random registers (blast-radius-sets, chain-findings).

/**
 * Its `under` field: `under: []` (own data), some of the entrustments already made into its
 * client (the register checks that `under` names only those; `pick`'s bits choose, the first is
 * always named), or nothing (inferred).
 */
export function underField(
  kind: 'absent' | 'own' | 'listed',
  pick: number,
  made: readonly { id: string; contractor: string }[],
  client: string,
): string {
  if (kind === 'own') return 'under: [], ';
  const upstream = made.filter((m) => m.contractor === client);
  if (kind === 'absent' || upstream.length === 0) return '';
  const named = upstream.filter((_, k) => (pick >> k) & 1 || k === 0).map((m) => m.id);
  return `under: [${named.join(', ')}], `;
}

/** Its `from` and `to` fields: from `start` (if any), for 2 × `years` years (0: open-ended). */
export function periodFields(start: string | undefined, years: number): string {
  const end = start && years > 0 ? `${Number(start.slice(0, 4)) + 2 * years}-01-01` : undefined;
  return `${start ? `from: ${start}, ` : ''}${end ? `to: ${end}, ` : ''}`;
}
