import type { Path } from './answers.js';

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

export function pathLine(path: Path): string {
  const names = [
    path.hops[0].client.name,
    ...path.hops.map((hop) => `${hop.disclosed ? '→' : '⇢ (undisclosed)'} ${hop.contractor.name}`),
  ];
  return `${path.exposure}${path.aware ? '' : ', unaware'}: ${names.join(' ')}`;
}

export function deadlineLines(obligations: Obligations | undefined, id: string): string[] {
  const mine = obligations?.controllers.find((c) => c.party.id === id);
  if (!mine) return ['Breach deadlines: only for an incident (ask with ?incident=ID).'];
  if (!mine.clockStarted)
    return [
      `No deadline dates: ${mine.aware ? 'the detection date is unknown' : 'nobody will tell this controller, so its clock has not started'}.`,
    ];
  return mine.obligations.flatMap((o) =>
    o.required
      ? o.deadlines.map((d) => `${o.law} ${d.kind}: ${d.due ?? 'no date'} (${d.description})`)
      : [`${o.law}: no report required`],
  );
}
