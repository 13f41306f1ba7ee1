import { isUtf8 } from 'node:buffer';

// Invalid UTF-8 would be silently replaced by U+FFFD (in names, in ids): refused instead, with
// its place, for files and for request bodies alike.

export interface Decoded {
  text: string;
  /** Where the first invalid sequence is, 1-based; null when the bytes are valid UTF-8. */
  invalid: { line: number; byte: number } | null;
}

/** The 400 a request body that is not UTF-8 gets, naming the place (a client's mistake, not logged). */
export function notUtf8Body(at: {
  line: number;
  byte: number;
}): Error & { statusCode: number; code: string } {
  return Object.assign(
    new Error(
      `the request body is not valid UTF-8 (line ${at.line}, byte ${at.byte}): send UTF-8 JSON`,
    ),
    { statusCode: 400, code: 'BAD_USER_INPUT' },
  );
}

export function decodeUtf8(bytes: Buffer): Decoded {
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text, invalid: null };
  // The first replacement character the decoder made (a U+FFFD written as such before it would
  // be taken for it, which only moves the reported place earlier).
  const at = text.indexOf('\uFFFD');
  return {
    text,
    invalid: {
      line: text.slice(0, at).split('\n').length,
      byte: Buffer.byteLength(text.slice(0, at)) + 1,
    },
  };
}
