// Large registers written straight as text (no object tree to stringify): a chain of companies,
// each entrusting the next, one record per line, so problems have meaningful line numbers.

export interface LargeRegister {
  text: string;
  parties: number;
  entrustments: number;
}

const party = (i: number) => ({
  id: `p${i}`,
  name: `取引先 ${i} 株式会社`,
  kind: 'company',
  country: 'JP',
});
const entrustment = (i: number) => ({
  id: `p${i}--p${i + 1}`,
  client: `p${i}`,
  contractor: `p${i + 1}`,
  under: i === 0 ? [] : [`p${i - 1}--p${i}`],
  data: ['user.contact.email', 'user.name'],
  from: '2015-04-01',
  reentrustment: 'allowed',
  records: 1000 + i,
});

/** A register of about `bytes` characters; `last` replaces the last entrustment's fields (to plant an error). */
export function largeRegister(
  format: 'json' | 'yaml',
  bytes: number,
  last: Record<string, unknown> = {},
): LargeRegister {
  const sample =
    line(format, party(100_000)).length + line(format, entrustment(100_000)).length + 4;
  const n = Math.max(2, Math.ceil(bytes / sample));
  const parties: string[] = [];
  const entrustments: string[] = [];
  for (let i = 0; i < n; i++) parties.push(line(format, party(i)));
  for (let i = 0; i + 1 < n; i++)
    entrustments.push(line(format, i + 2 === n ? { ...entrustment(i), ...last } : entrustment(i)));
  const text =
    format === 'json'
      ? `{"register": 1,\n"parties": [\n${parties.join(',\n')}\n],\n"entrustments": [\n${entrustments.join(',\n')}\n]}\n`
      : `register: 1\nparties:\n${parties.join('\n')}\nentrustments:\n${entrustments.join('\n')}\n`;
  return { text, parties: n, entrustments: n - 1 };
}

function line(format: 'json' | 'yaml', record: Record<string, unknown>): string {
  if (format === 'json') return JSON.stringify(record);
  // YAML flow style: JSON with its keys bare; the values here need no quotes but dates and names.
  return `  - ${JSON.stringify(record).replace(/"([a-z]+)":/g, '$1: ')}`;
}

/** A YAML chain of `n` companies with ids starting `prefix`, each entrusting the next: one line per record. */
export function chainRegister(prefix: string, n: number): string {
  const lines = ['register: 1', 'parties:'];
  for (let i = 0; i < n; i++)
    lines.push(`  - { id: ${prefix}${i}, name: 取引先 ${i}, kind: company }`);
  lines.push('entrustments:');
  for (let i = 0; i + 1 < n; i++)
    lines.push(
      `  - { id: ${prefix}e${i}, client: ${prefix}${i}, contractor: ${prefix}${i + 1}, under: [], data: [user.contact] }`,
    );
  return `${lines.join('\n')}\n`;
}
