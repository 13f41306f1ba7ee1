import { walkLink, type WalkLink } from '../domain/exposure/walk-link.js';
import { linkOf, type EntrustmentLink } from '../domain/graph/link-graph.js';
import { CONFIDENCES, type Confidence, type Entrustment } from '../domain/model.js';

// What whole-graph questions read of an entrustment (its links, period, data and records), and
// what a path reads of it (confidence, disclosure, subjects), as one short line that stores keep
// beside the record: splitting it measured about four times faster than parsing the record's
// JSON, which is most of a whole-graph scan on a million entrustments.
//
//   client \t contractor \t under \t data \t from \t to \t records \t confidence \t disclosed \t subjects
//
// `under` is ids joined by "," ("?" when absent: ids never start with "?"), data keys and subjects
// are joined by \u001f, `disclosed` is 1 or 0, an absent end, count or value is "". Ids and dates
// cannot hold the separators; a data key or subject with a control character could, and such an
// entrustment has no line: readers use its JSON. Lines written before the last three fields
// existed end at `records`: their links leave the three undefined (walk-link.ts withEvidence
// reads them from the record).

const FIELD = '\t';
const ID_SEPARATOR = ',';
const KEY_SEPARATOR = '\u001f';
const UNDER_UNKNOWN = '?';
/**
 * Most entrustments name no subjects: their links share one empty list, frozen so that no reader
 * can add to all of them (a scan of a million links made a million).
 */
const NO_SUBJECTS = Object.freeze([]) as unknown as string[];
/** Each confidence as the one string the model names, not a copy per link split from its line. */
const CONFIDENCE: Partial<Record<string, Confidence>> = Object.fromEntries(
  CONFIDENCES.map((c) => [c, c]),
);
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f]/;

export function encodeLinkLine(e: Entrustment): string | null {
  if (e.data.some((key) => CONTROL.test(key))) return null;
  if (e.subjects?.some((subject) => CONTROL.test(subject))) return null;
  const under = e.under === undefined ? UNDER_UNKNOWN : e.under.join(ID_SEPARATOR);
  return [
    e.client,
    e.contractor,
    under,
    e.data.join(KEY_SEPARATOR),
    e.from ?? '',
    e.to ?? '',
    e.records ?? '',
    e.confidence ?? '',
    e.disclosed === undefined ? '' : e.disclosed ? '1' : '0',
    (e.subjects ?? []).join(KEY_SEPARATOR),
  ].join(FIELD);
}

export function decodeLinkLine(id: string, line: string): WalkLink {
  const [client, contractor, under, data, from, to, records, confidence, disclosed, subjects] =
    line.split(FIELD) as [string, string, string, string, string, string, string, ...string[]];
  return walkLink({
    id,
    client,
    contractor,
    data: data === '' ? [] : data.split(KEY_SEPARATOR),
    under: under === UNDER_UNKNOWN ? undefined : under === '' ? [] : under.split(ID_SEPARATOR),
    from: from === '' ? undefined : from,
    to: to === '' ? undefined : to,
    records: records === '' ? undefined : Number(records),
    // Undefined in a line written before these fields, or where the record had none.
    confidence: confidence ? CONFIDENCE[confidence] : undefined,
    disclosed: disclosed ? disclosed === '1' : undefined,
    subjects:
      subjects === undefined
        ? undefined
        : subjects === ''
          ? NO_SUBJECTS
          : subjects.split(KEY_SEPARATOR),
  });
}

/** The link of an entrustment that has no line (or was stored before lines existed). */
export const linkOfJson = (json: string): EntrustmentLink =>
  linkOf(JSON.parse(json) as Entrustment);
