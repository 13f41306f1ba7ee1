import type { EntrustmentLink } from '../../domain/graph/link-graph.js';
import type { Entrustment } from '../../domain/model.js';
import { decodeLinkLine, encodeLinkLine, linkOfJson } from '../link-line.js';

// An entrustment is stored as a tag and its link line (../link-line.ts), then its JSON: a scan of
// the whole graph reads the line, a lookup skips it. A record without a line (see link-line.ts, or
// one written before lines existed) is its JSON alone, which both readers accept.
//
//   L1 \t <link line> \n <json>

const TAG = 'L1\t';

export function encodeEntrustment(e: Entrustment): string {
  const json = JSON.stringify(e);
  const line = encodeLinkLine(e);
  return line === null ? json : `${TAG}${line}\n${json}`;
}

export function decodeEntrustment(text: string): Entrustment {
  return JSON.parse(
    text.startsWith(TAG) ? text.slice(text.indexOf('\n') + 1) : text,
  ) as Entrustment;
}

export function decodeEntrustmentLink(id: string, text: string): EntrustmentLink {
  return text.startsWith(TAG)
    ? decodeLinkLine(id, text.slice(TAG.length, text.indexOf('\n')))
    : linkOfJson(text);
}

const TAG_BYTES = Buffer.from(TAG);
const NEWLINE = 10;

/**
 * The link of a stored entrustment from its bytes as LMDB holds them, decoding only the line:
 * a walk reads many records and needs no more of them.
 */
export function decodeEntrustmentLinkBytes(id: string, bytes: Buffer): EntrustmentLink {
  if (bytes.subarray(0, TAG_BYTES.length).equals(TAG_BYTES)) {
    const end = bytes.indexOf(NEWLINE, TAG_BYTES.length);
    return decodeLinkLine(id, bytes.toString('utf8', TAG_BYTES.length, end));
  }
  return linkOfJson(bytes.toString('utf8'));
}
