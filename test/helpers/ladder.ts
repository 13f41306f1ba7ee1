/**
 * The "ladder" register from issue 10: `levels` levels, each joined to the next by two
 * entrustments without `under` (so both are inferred links), so the paths double at every level.
 * A leak at rung-0 reaches rung-<levels> by 2^levels paths.
 */
export function ladderRegister(levels: number): string {
  const lines = ['register: 1', 'parties:'];
  for (let i = 0; i <= levels; i++)
    lines.push(`  - { id: rung-${i}, name: Rung ${i}, kind: company }`);
  lines.push('entrustments:');
  for (let i = 0; i < levels; i++) {
    for (const side of ['a', 'b'])
      lines.push(
        `  - { id: rung-${i}-${side}, client: rung-${i + 1}, contractor: rung-${i}, data: [user.contact], from: 2014-01-01 }`,
      );
  }
  return `${lines.join('\n')}\n`;
}
