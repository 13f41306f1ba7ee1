import t from 'tap';
import { authorizationIn } from '../../src/dashboards/subscriptions.js';

// Where a subscriber may put its key or token in connection_init (docs/dashboards.md): a browser
// cannot set headers on a WebSocket, and clients name the field in either case, at the top or
// inside `headers` as Apollo's and urql's links do.

t.test('the key or token of a connection_init payload, in every shape the docs name', async (t) => {
  t.equal(authorizationIn({ Authorization: 'Bearer a' }), 'Bearer a');
  t.equal(authorizationIn({ authorization: 'Bearer b' }), 'Bearer b', 'any letter case');
  t.equal(authorizationIn({ AUTHORIZATION: 'Bearer c' }), 'Bearer c');
  t.equal(authorizationIn({ headers: { Authorization: 'Bearer d' } }), 'Bearer d', 'in headers');
  t.equal(authorizationIn({ headers: { authorization: 'Bearer e' } }), 'Bearer e');
  t.equal(
    authorizationIn({ authorization: 'Bearer top', headers: { authorization: 'Bearer inner' } }),
    'Bearer top',
    'the top level first',
  );
  for (const payload of [undefined, null, 'Bearer f', {}, { headers: null }, { authorization: 7 }])
    t.equal(authorizationIn(payload), undefined, `none in ${JSON.stringify(payload)}`);
});
