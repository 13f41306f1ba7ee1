import { walkLink } from '../domain/exposure/walk-link.js';
import { linkOf, type EntrustmentLink } from '../domain/graph/link-graph.js';
import type { Entrustment } from '../domain/model.js';

// What whole-graph questions read of an entrustment (its links, period, data and records), as one
// short line that stores keep beside the record: splitting it measured about four times faster
// than parsing the record's JSON, which is most of a whole-graph scan on a million entrustments.
//
//   client \t contractor \t under \t data \t from \t to \t records
//
// `under` is ids joined by "," ("?" when absent: ids never start with "?"), data keys are joined
// by \u001f, an absent end or count is "". Ids and dates cannot hold the separators; a data key
// with a control character could, and such an entrustment has no line: readers use its JSON.

const FIELD = '\t';
const ID_SEPARATOR = ',';
const KEY_SEPARATOR = '\u001f';
const UNDER_UNKNOWN = '?';
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f]/;

export function encodeLinkLine(e: Entrustment): string | null {
  if (e.data.some((key) => CONTROL.test(key))) return null;
  const under = e.under === undefined ? UNDER_UNKNOWN : e.under.join(ID_SEPARATOR);
  return [
    e.client,
    e.contractor,
    under,
    e.data.join(KEY_SEPARATOR),
    e.from ?? '',
    e.to ?? '',
    e.records ?? '',
  ].join(FIELD);
}

export function decodeLinkLine(id: string, line: string): EntrustmentLink {
  const [client, contractor, under, data, from, to, records] = line.split(FIELD) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return walkLink({
    id,
    client,
    contractor,
    data: data === '' ? [] : data.split(KEY_SEPARATOR),
    under: under === UNDER_UNKNOWN ? undefined : under === '' ? [] : under.split(ID_SEPARATOR),
    from: from === '' ? undefined : from,
    to: to === '' ? undefined : to,
    records: records === '' ? undefined : Number(records),
  });
}

/** The link of an entrustment that has no line (or was stored before lines existed). */
export const linkOfJson = (json: string): EntrustmentLink =>
  linkOf(JSON.parse(json) as Entrustment);
