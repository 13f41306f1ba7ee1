// Calendar dates are kept as ISO strings (YYYY-MM-DD): they compare correctly as strings,
// survive every store unchanged, and need no time zone.
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
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
  if (window.from && p.to && p.to <= window.from) return `ended ${p.to}, before the window opened ${window.from}`;
  if (window.to && p.from && p.from >= window.to) return `started ${p.from}, after the window closed ${window.to}`;
  return 'outside the window';
}
