import t from 'tap';
import { en, type Words } from '../../src/explorer/model/i18n/en.js';
import { ja } from '../../src/explorer/model/i18n/ja.js';
import { PACKET_WORDS } from '../../src/notify/packet-words.js';

// Every sentence in both languages: called with the same arguments, each gives text, and the
// Japanese one is not the English one left untranslated (numbers and ids aside).

const SAMPLE_ARGS: unknown[][] = [
  [],
  [3],
  [0],
  [1],
  [null],
  [-2],
  [true],
  [false],
  ['makeshop-2014'],
  ['HIGH'],
  ['POSSIBLE'],
  ['CONFIRMED'],
  ['suspended'],
  ['PRELIMINARY_REPORT'],
  ['unauthorized-access'],
  [3, 1, 2],
  ['a', 'b', 'c', 'd'],
  [null, 'MakeShop (makeshop)', 'open → 2014-09-25'],
  ['2014-09-01', true],
  ['2014-09-01', false],
  ['APPI', 'preliminary', null, 'within 3 to 5 days'],
  [
    { reason: 'OUT_OF_WINDOW', detail: 'x', hops: [{ from: '2014-10-01', to: null }] },
    'w',
    () => 'p',
  ],
  [{ reason: 'NO_COMMON_DATA', detail: 'x', hops: [] }, 'w', () => 'p'],
  [{ reason: 'CYCLE', detail: 'x', hops: [] }, 'w', () => 'p'],
  [{ reason: 'OTHER', detail: 'x', hops: [] }, 'w', () => 'p'],
];

function outputs(words: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(words)) {
    if (typeof value !== 'function') continue;
    out.set(
      key,
      SAMPLE_ARGS.map((args) => {
        try {
          return String((value as (...a: unknown[]) => unknown)(...args));
        } catch {
          return '';
        }
      }),
    );
  }
  return out;
}

t.test('every explorer sentence, in English and Japanese', async (t) => {
  const english = outputs(en as unknown as Record<string, unknown>);
  const japanese = outputs(ja as unknown as Record<string, unknown>);
  t.same([...japanese.keys()].sort(), [...english.keys()].sort());
  for (const [key, texts] of english) {
    const jaTexts = japanese.get(key)!;
    t.ok(texts.some(Boolean) && jaTexts.some(Boolean), `${key} says something`);
    if (key === 'number' || key === 'notExposedWhy') continue;
    t.ok(
      jaTexts.some((x, i) => x !== texts[i]),
      `${key} is translated`,
    );
  }
  t.equal((ja as Words).kind('ransomware'), 'ランサムウェア');
  t.equal((ja as Words).kind('something-new'), 'something-new', 'an unknown kind stays as it is');
  t.equal((ja as Words).certStatus('revoked'), '取消');
});

t.test('every packet sentence, in English and Japanese', async (t) => {
  const english = outputs(PACKET_WORDS.en as unknown as Record<string, unknown>);
  const japanese = outputs(PACKET_WORDS.ja as unknown as Record<string, unknown>);
  t.same([...japanese.keys()].sort(), [...english.keys()].sort());
  for (const [key, texts] of english) {
    if (key === 'number') continue;
    t.ok(
      japanese.get(key)!.some((x, i) => x && x !== texts[i]),
      `${key} is translated`,
    );
  }
  for (const key of Object.keys(PACKET_WORDS.en) as (keyof typeof PACKET_WORDS.en)[])
    if (typeof PACKET_WORDS.en[key] === 'string')
      t.not(PACKET_WORDS.ja[key], PACKET_WORDS.en[key], `${key} is translated`);
});
