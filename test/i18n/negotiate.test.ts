import t from 'tap';
import { negotiateLang } from '../../src/i18n/negotiate.js';

t.test('Accept-Language: the best-quality language we speak, else English', async (t) => {
  t.equal(negotiateLang(undefined), 'en');
  t.equal(negotiateLang(''), 'en');
  t.equal(negotiateLang('ja'), 'ja');
  t.equal(negotiateLang('JA-jp'), 'ja');
  t.equal(negotiateLang('en-US,ja;q=0.9'), 'en');
  t.equal(negotiateLang('en;q=0.3, ja;q=0.8'), 'ja');
  t.equal(negotiateLang('ja;q=0, en'), 'en', 'q=0 means not wanted');
  t.equal(negotiateLang('zh-CN, fr'), 'en');
  t.equal(negotiateLang('*'), 'en');
});
