// The timeline slider's stops: one date on which the chain is as it was before anything changed,
// then every date on which an entrustment starts or ends, the date asked for and today: between two change dates nothing changes, so these are all the chains there are, and the
// slider always stands exactly on the date the heading and the address name.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function changeDates(entrustments: { from: string | null; to: string | null }[]): string[] {
  const dates = new Set<string>();
  for (const e of entrustments) {
    if (e.from) dates.add(e.from);
    if (e.to) dates.add(e.to);
  }
  return [...dates].sort();
}

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The stops for a chain shown as of `asOf`; `today` is one too, so a past chain is one drag from now. */
export function timelineStops(
  entrustments: { from: string | null; to: string | null }[],
  asOf?: string,
  today?: string,
): string[] {
  const dates = changeDates(entrustments);
  const stops = dates.length === 0 ? [] : [dayBefore(dates[0]), ...dates];
  for (const date of [asOf, today])
    if (date && DATE.test(date) && !stops.includes(date)) stops.push(date);
  return stops.sort();
}

/** The stop whose period holds `asOf`: the last stop on or before it (the first if none is). */
export function stopFor(stops: string[], asOf: string | null): number {
  if (stops.length === 0) return -1;
  if (!asOf || !DATE.test(asOf)) return stops.length - 1;
  let index = 0;
  stops.forEach((s, i) => {
    if (s <= asOf) index = i;
  });
  return index;
}
