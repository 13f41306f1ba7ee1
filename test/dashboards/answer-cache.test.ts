import t from 'tap';
import { AnswerCache } from '../../src/dashboards/answer-cache.js';

// The answers kept between two writes: only the newest generation's, within their bytes.

const answer = (body: string) => ({ body, etag: `W/"x.${body}"`, contentType: 'application/json' });

t.test('a newer generation drops every answer; an older one is not kept', async (t) => {
  const cache = new AnswerCache(1000);
  cache.set('W/"9-q1"', answer('a'));
  cache.set('W/"9-q2"', answer('b'));
  t.equal(cache.get('W/"9-q1"')?.body, 'a');
  cache.set('W/"10-q1"', answer('c'));
  t.equal(cache.get('W/"10-q1"')?.body, 'c');
  t.equal(cache.get('W/"9-q2"'), undefined, 'the older generation is gone');
  t.equal(cache.get('W/"10-q2"'), undefined, 'and never answers for the newer one');
  cache.set('W/"9-q2"', answer('late'));
  t.equal(cache.get('W/"9-q2"'), undefined, 'an answer begun before the write is not kept');
  t.equal(cache.get('W/"10-q1"')?.body, 'c', 'nor does it push out the newer ones');
});

t.test('bounded in bytes: the oldest go first, and an answer too large is not kept', async (t) => {
  const cache = new AnswerCache(100);
  cache.set('W/"1-a"', answer('x'.repeat(20)));
  cache.set('W/"1-b"', answer('y'.repeat(20)));
  cache.set('W/"1-a"', answer('z'.repeat(25)));
  cache.set('W/"1-c"', answer('w'.repeat(25)));
  cache.set('W/"1-d"', answer('v'.repeat(25)));
  t.ok(cache.get('W/"1-b"'), '95 bytes: all kept');
  cache.set('W/"1-f"', answer('s'.repeat(25)));
  t.equal(cache.get('W/"1-b"'), undefined, 'the oldest went to make room');
  t.equal(cache.get('W/"1-a"')?.body, 'z'.repeat(25), 'a replaced answer counts once, as new');
  t.ok(cache.get('W/"1-c"') && cache.get('W/"1-d"') && cache.get('W/"1-f"'));
  cache.set('W/"1-e"', answer('u'.repeat(26)));
  t.equal(cache.get('W/"1-e"'), undefined, 'over a quarter of the bytes: not kept');
  const none = new AnswerCache(0);
  none.set('W/"1-a"', answer('x'));
  t.equal(none.get('W/"1-a"'), undefined, 'no bytes: nothing kept');
});
