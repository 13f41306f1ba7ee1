import fc from 'fast-check';
import t from 'tap';
import { addDays, describeMiss, inForce, intersects, isIsoDate } from '../../src/domain/dates.js';

t.test('only real calendar dates are dates', async (t) => {
  t.ok(isIsoDate('2024-02-29'));
  t.notOk(isIsoDate('2023-02-29'));
  t.notOk(isIsoDate('2014-9-25'));
  t.notOk(isIsoDate('2014-09-25T00:00:00Z'));
  t.notOk(isIsoDate('1900-02-29'), 'a century is not a leap year');
  t.ok(isIsoDate('2000-02-29'), 'unless it divides by 400');
  t.notOk(isIsoDate('2014-00-10'));
  t.notOk(isIsoDate('2014-13-10'));
  t.notOk(isIsoDate('2014-04-31'));
  t.notOk(isIsoDate('2014-04-00'));
  t.notOk(isIsoDate('２０１４-04-01'), 'digits are ASCII');
  t.notOk(isIsoDate('0099-01-01'), 'years before 0100 are not dates (Date reads them as 1900s)');
});

t.test(
  'the calendar check agrees with the calendar Date keeps, on any ten characters',
  async (t) => {
    const byDate = (value: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const probe = new Date(Date.UTC(y, mo - 1, d));
      return (
        probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d
      );
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const dateLike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(
        fc.oneof(dateLike, fc.string({ minLength: 10, maxLength: 10 })),
        (value) => isIsoDate(value) === byDate(value),
      ),
      { numRuns: 20000 },
    );
    t.pass('20,000 strings judged alike');
  },
);

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
  t.equal(
    describeMiss({ to: '2014-08-01' }, w),
    'ended 2014-08-01, before the window opened 2014-09-01',
  );
  t.equal(
    describeMiss({ from: '2014-10-01' }, w),
    'started 2014-10-01, after the window closed 2014-09-25',
  );
});

t.test('days are added across months and years', async (t) => {
  t.equal(addDays('2024-02-10', 60), '2024-04-10');
  t.equal(addDays('2023-12-30', 3), '2024-01-02');
});
