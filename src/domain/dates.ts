// Calendar dates are kept as ISO strings (YYYY-MM-DD): they compare correctly as strings,
// survive every store unchanged, and need no time zone.
export type IsoDate = string;

/** What every refusal of a date says it expected: the CLI, GraphQL and the register alike. */
export const DATE_EXPECTED = 'expected a date like 2014-09-25';

/** The number a run of ASCII digits spells, or -1 if a character is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * YYYY-MM-DD naming a day of the Gregorian calendar, from year 0100 (Date reads years 0-99 as
 * 1900-1999, so they never were dates here). Arithmetic, not a regex and a Date: a large import
 * checks millions of dates.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 7);
  const d = digitsAt(value, 8, 10);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** A half-open period [from, to); an absent end is open. */
export interface Period {
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export function intersects(a: Period, b: Period): boolean {
  const startsBeforeBEnds = !a.from || !b.to || a.from < b.to;
  const bStartsBeforeAEnds = !b.from || !a.to || b.from < a.to;
  return startsBeforeBEnds && bStartsBeforeAEnds;
}

export function inForce(p: Period, date: IsoDate): boolean {
  return (!p.from || p.from <= date) && (!p.to || date < p.to);
}

/** Why a period misses a window, for answers that explain "why not us?". */
export function describeMiss(p: Period, window: Period): string {
  if (window.from && p.to && p.to <= window.from)
    return `ended ${p.to}, before the window opened ${window.from}`;
  if (window.to && p.from && p.from >= window.to)
    return `started ${p.from}, after the window closed ${window.to}`;
  return 'outside the window';
}
