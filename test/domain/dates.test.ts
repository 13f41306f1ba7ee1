import t from 'tap';
import { addDays, describeMiss, inForce, intersects, isIsoDate } from '../../src/domain/dates.js';

t.test('only real calendar dates are dates', async (t) => {
  t.ok(isIsoDate('2024-02-29'));
  t.notOk(isIsoDate('2023-02-29'));
  t.notOk(isIsoDate('2014-9-25'));
  t.notOk(isIsoDate('2014-09-25T00:00:00Z'));
});

t.test('periods are half-open and open ends run forever', async (t) => {
  const w = { from: '2014-09-01', to: '2014-09-25' };
  t.notOk(intersects({ to: '2014-09-01' }, w), 'ending the day the window opens is outside');
  t.ok(intersects({ to: '2014-09-02' }, w));
  t.notOk(intersects({ from: '2014-09-25' }, w), 'starting the day the window closes is outside');
  t.ok(intersects({ from: '2014-09-24' }, w));
  t.ok(intersects({}, w));
  t.ok(intersects({ from: '2000-01-01' }, {}));
  t.ok(inForce({ from: '2020-01-01', to: '2020-02-01' }, '2020-01-01'));
  t.notOk(inForce({ from: '2020-01-01', to: '2020-02-01' }, '2020-02-01'));
});

t.test('a miss is explained with its dates', async (t) => {
  const w = { from: '2014-09-01', to: '2014-09-25' };
  t.equal(describeMiss({ to: '2014-08-01' }, w), 'ended 2014-08-01, before the window opened 2014-09-01');
  t.equal(describeMiss({ from: '2014-10-01' }, w), 'started 2014-10-01, after the window closed 2014-09-25');
});

t.test('days are added across months and years', async (t) => {
  t.equal(addDays('2024-02-10', 60), '2024-04-10');
  t.equal(addDays('2023-12-30', 3), '2024-01-02');
});
