import { readFile } from 'node:fs/promises';
import MarkdownIt from 'markdown-it';
import t, { type Test } from 'tap';
import {
  notificationPackets,
  type NotificationPacket,
} from '../../src/domain/notification-packets.js';
import { packetJson, type PacketJson } from '../../src/notify/packet-json.js';
import { packetMarkdown } from '../../src/notify/packet-markdown.js';
import { inProject } from '../../src/paths.js';
import { importRegister } from '../../src/register/import.js';
import type { StorePort } from '../../src/store/port.js';
import { tempStore } from '../helpers/app.js';

// Notification packets on the demo register (the MakeShop towns, ColorMe's shop owners) and on a
// fixture where one town was told of MakeShop: who gets dates, who is unaware, and that the
// Markdown says what the JSON says.

const load = async (t: Test, ...file: string[]): Promise<StorePort> => {
  const store = await tempStore(t, 'vc-notify-');
  const report = await importRegister(store, await readFile(inProject(...file), 'utf8'));
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  return store;
};
const byParty = (packets: NotificationPacket[], id: string) =>
  packets.find((p) => p.controller.party === id)!;
const DATE = /\d{4}-\d{2}-\d{2}/;
const section = (md: string, heading: string) => md.split(`## ${heading}`)[1]!.split('\n## ')[0]!;

/** Everything the JSON states that a person must also read in the Markdown. */
function agree(t: Test, json: PacketJson, md: string) {
  t.match(
    md,
    new RegExp(`^# .*\\(\`${json.party.id}\`\\): affected by incident \`${json.incident.id}\``),
    'the controller and incident head the packet',
  );
  t.equal(
    /\*\*UNAWARE: /.test(md),
    !json.aware,
    'the bold UNAWARE line exactly when aware is false',
  );
  for (const h of json.undisclosed)
    t.match(md.split('\n\n')[1], `\`${h.id}\``, `the warning names ${h.id}`);
  t.match(md, `| Exposure | ${json.exposure}`);
  t.match(
    md,
    `## Why it is affected: ${json.pathCount === 1 ? '1 path' : `${json.pathCount} paths`}`,
  );
  for (const path of json.paths) {
    for (const hop of path.hops) {
      const line = md.split('\n').find((l) => l.includes(`: \`${hop.id}\`, `))!;
      t.ok(line, `a line for hop ${hop.id}`);
      t.equal(
        line.includes('**not disclosed to the controller**'),
        !hop.disclosed,
        `${hop.id}: undisclosed flagged as in the JSON`,
      );
      const sources = md.split('\n')[md.split('\n').indexOf(line) + 1]!;
      for (const s of hop.sources)
        t.match(sources, s.url ? `(<${s.url}>)` : s.title!, `${hop.id} cites ${s.id}`);
    }
  }
  const data = section(md, 'Which data');
  for (const category of json.data) t.match(data, `\`${category}\``);
  if (json.records !== null) t.match(data, `up to ${json.records.toLocaleString('en-US')}`);
  const deadlines = section(md, 'Breach-report deadlines');
  for (const o of json.obligations) {
    t.match(deadlines, `### ${o.law}: ${o.required ? 'report required' : 'no report required'}`);
    for (const d of o.deadlines)
      t.ok(
        deadlines.split('\n').some((l) => l.startsWith(`| ${d.kind} | ${d.due ?? '**no date'}`)),
        `${o.law} ${d.kind} due ${d.due}`,
      );
  }
  const dues = deadlines
    .split('\n')
    .filter((l) => /^\| [A-Z_0-9]+ \|/.test(l))
    .map((l) => l.split(' | ')[1]!);
  t.equal(dues.length, json.obligations.flatMap((o) => o.deadlines).length, 'one row per deadline');
  if (!json.clockStarted)
    t.notOk(
      dues.some((d) => DATE.test(d)),
      `no date among the deadlines: ${dues}`,
    );
}

t.test(
  'the demo register: every MakeShop town is unaware, Mishima included, and gets no dates',
  async (t) => {
    const store = await load(t, 'examples', 'demo-register.yaml');
    const { packets, truncated } = await notificationPackets(store, 'makeshop-2014');
    t.equal(truncated, false);
    t.same(
      packets.map((p) => p.controller.party).sort(),
      ['mishima-city', 'nishiki-town', 'takeo-city'],
      'one packet per affected town; Higashisonogi and Nichinan were spared',
    );
    const mishima = byParty(packets, 'mishima-city');
    const json = packetJson(mishima);
    t.same([json.aware, json.clockStarted, json.exposure], [false, false, 'POSSIBLE']);
    t.same(
      json.undisclosed.map((h) => h.id),
      ['cotode--makeshop'],
      'the hop nobody told Mishima of',
    );
    t.same(
      json.paths.map((p) => p.hops.map((h) => h.id)),
      [['mishima-city--cotode', 'cotode--makeshop']],
    );
    t.same(
      json.paths[0]!.hops[1]!.sources.map((s) => s.id),
      ['soukaku-blog-2016'],
      'each hop with its sources',
    );
    t.same(
      json.obligations.map((o) => [o.law, o.required]),
      [['APPI', true]],
      'a Japanese city: APPI, report required',
    );
    t.same(
      json.obligations.flatMap((o) => o.deadlines.map((d) => d.due)),
      [null, null, null],
      'no deadline dates: nobody will start its clock',
    );
    t.same(json.records, 620000, "up to the incident's count: the towns' entrustments give none");
    t.equal(json.party.contact, null, 'the demo register gives no contact');
    const md = packetMarkdown(mishima);
    t.match(
      md,
      /\*\*UNAWARE: 三島市 has not been told of `cotode--makeshop` .*nobody in the chain will tell it.*nobody will start its clock/,
    );
    t.match(md, '| Contact | none in the register |');
    t.match(
      new MarkdownIt().render(md),
      /<p><strong>UNAWARE: 三島市 has not been told of <code>cotode--makeshop<\/code>/,
      'rendered: the warning opens the packet, in bold',
    );
    for (const p of packets) agree(t, packetJson(p), packetMarkdown(p));
  },
);

t.test(
  "the demo register: ColorMe's shop owners know, and get their dates from the detection day",
  async (t) => {
    const store = await load(t, 'examples', 'demo-register.yaml');
    const { packets } = await notificationPackets(store, 'colorme-2018');
    const json = packetJson(byParty(packets, 'colorme-shop-owners'));
    t.same([json.aware, json.clockStarted, json.incident.detected], [true, true, '2018-01-07']);
    t.same(
      json.obligations[0]!.deadlines.map((d) => [d.kind, d.due]),
      [
        ['ENTRUSTEE_NOTICE', '2018-01-07'],
        ['PRELIMINARY_REPORT', '2018-01-12'],
        ['FINAL_REPORT', '2018-03-08'],
      ],
    );
    for (const p of packets) agree(t, packetJson(p), packetMarkdown(p));
  },
);

t.test(
  "one town told of MakeShop: its packet has the dates and its contact; Mishima's has neither",
  async (t) => {
    const store = await load(t, 'test', 'fixtures', 'notify', 'makeshop-one-town-told.yaml');
    const { packets } = await notificationPackets(store, 'makeshop-2014');
    t.same(
      packets.map((p) => [p.controller.party, p.controller.exposure]),
      [
        ['mishima-city', 'CONFIRMED'],
        ['takeo-city', 'CONFIRMED'],
      ],
      'both CONFIRMED: declared links, listed data',
    );
    const takeo = packetJson(byParty(packets, 'takeo-city'));
    t.same([takeo.aware, takeo.clockStarted, takeo.undisclosed], [true, true, []]);
    t.same(
      takeo.obligations[0]!.deadlines.map((d) => [d.kind, d.due]),
      [
        ['ENTRUSTEE_NOTICE', '2014-09-24'],
        ['PRELIMINARY_REPORT', '2014-09-29'],
        ['FINAL_REPORT', '2014-11-23'],
      ],
      'detected 2014-09-24: +5 days, +60 for unauthorized access',
    );
    t.same(takeo.party.contact, {
      email: 'kojinjoho@takeo.example.jp',
      phone: '+81-954-00-0000',
      url: 'https://takeo.example.jp/privacy',
    });
    t.same(takeo.records, 3000, "the smallest count on Takeo's path: its own entrustment's");
    const md = packetMarkdown(byParty(packets, 'takeo-city'));
    t.notMatch(md, /UNAWARE/);
    t.match(
      md,
      '| Contact | e-mail `kojinjoho@takeo.example.jp` · phone `+81-954-00-0000` · [https://takeo.example.jp/privacy](<https://takeo.example.jp/privacy>) |',
    );
    t.match(md, '| Told by the chain | yes');

    const mishima = packetJson(byParty(packets, 'mishima-city'));
    t.same([mishima.aware, mishima.clockStarted], [false, false]);
    t.same(
      mishima.obligations.flatMap((o) => o.deadlines.map((d) => d.due)),
      [null, null, null],
      'same incident, same detection day: still no dates for the town nobody tells',
    );
    t.same(mishima.party.contact, { email: null, phone: '055-000-0000', url: null });
    for (const p of packets) agree(t, packetJson(p), packetMarkdown(p));
  },
);

t.test('an unknown incident is NOT_FOUND', async (t) => {
  const store = await load(t, 'test', 'fixtures', 'notify', 'makeshop-one-town-told.yaml');
  await t.rejects(notificationPackets(store, 'nope'), {
    code: 'NOT_FOUND',
    message: 'no incident with id "nope"',
  });
});

t.test(
  'register text cannot make links, HTML or table cells in the Markdown; odd cases say why they have no dates',
  async (t) => {
    const store = await load(t, 'test', 'fixtures', 'notify', 'hostile-text.yaml');
    const [packet] = (await notificationPackets(store, 'cart-leak')).packets;
    const md = packetMarkdown(packet!);
    // Rendered as a viewer that lets HTML through would render it.
    const html = new MarkdownIt({ html: true }).render(md);
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    t.same(
      hrefs,
      ['https://shop.example/contact?a=1&amp;b=(2)', 'https://example.org/a)b%3Cc%3E'],
      'the only links: the contact page and the http source, each whole',
    );
    t.notMatch(html, /<img|<b>|<em>|<strong>x/, 'no HTML or emphasis from register text');
    t.match(
      html,
      '[Shop](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; | *x*',
      'the name as written, as text',
    );
    t.match(html, '(<code>javascript:alert(1)</code>)', 'the javascript: URL shown as code');
    const header = html.split('<tbody>')[0]!;
    t.equal([...header.matchAll(/<th>/g)].length, 2, 'the facts table keeps two columns');
    t.match(html, /<tr>\s*<td>Controller<\/td>\s*<td>\[Shop\]/, 'the name stays in its cell');
    t.notMatch(md, /UNAWARE/, 'told of every hop');
    t.match(md, 'No deadline dates: the register records no detection date for this incident');
    t.match(md, 'No rule in vendor-chain binds a controller in `US`.');
    t.same(packetJson(packet!).obligations, []);
  },
);

t.test('links: only http(s) URLs become links; what is not a URL stays text', async (t) => {
  const { link } = await import('../../src/notify/markdown.js');
  t.equal(link('notice', 'https://example.org/a b'), '[notice](<https://example.org/a%20b>)');
  t.equal(link('notice', 'not a url'), 'notice');
  t.equal(link('notice', undefined), 'notice');
  t.equal(link('x', 'data:text/html,<b>'), 'x (`data:text/html,<b>`)');
});
