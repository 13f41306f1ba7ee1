import type { Path } from './answers.js';
import { en, type Words } from './i18n/en.js';

// The answers in sentences, shared by the details panel and the printed report.

export interface Obligations {
  detected: string | null;
  controllers: {
    party: { id: string };
    aware: boolean;
    clockStarted: boolean;
    obligations: {
      law: string;
      citation: string;
      required: boolean;
      triggers: string[];
      deadlines: { kind: string; due: string | null; description: string }[];
    }[];
  }[];
}

export function pathLine(path: Path, w: Words = en): string {
  const names = [
    path.hops[0].client.name,
    ...path.hops.map((hop) => `${hop.disclosed ? '→' : w.undisclosedArrow} ${hop.contractor.name}`),
  ];
  return `${w.exposure[path.exposure] ?? path.exposure}${path.aware ? '' : w.unawareSuffix}: ${names.join(' ')}`;
}

export function deadlineLines(
  obligations: Obligations | undefined,
  id: string,
  w: Words = en,
): string[] {
  const mine = obligations?.controllers.find((c) => c.party.id === id);
  if (!mine) return [w.deadlinesOnlyForIncident];
  if (!mine.clockStarted) return [w.noDeadlineDates(mine.aware)];
  return mine.obligations.flatMap((o) =>
    o.required
      ? o.deadlines.map((d) => w.deadline(o.law, d.kind, d.due, d.description))
      : [w.noReport(o.law)],
  );
}

/**
 * A date the service refused, in the page's language: the field as the form names it, and the
 * value ("基準日：「2014-02-31」は…"), instead of the service's English sentence about a variable.
 */
export function refusedDate(
  message: string,
  w: Pick<Words, 'asOf' | 'from' | 'to' | 'notADate'> = en,
): string | null {
  const m = /^Variable "\$(asOf|from|to)" got invalid value "([^"]*)"; expected a date like/.exec(
    message,
  );
  return m ? w.notADate(w[m[1] as 'asOf' | 'from' | 'to'], m[2]!) : null;
}
