import { randomUUID } from 'node:crypto';
import secureJson from 'secure-json-parse';
import { decodeUtf8 } from '../utf8.js';
import type { ParsedBody } from './protocol.js';

/**
 * A request body parsed in the worker. Strings of at least `holdFrom` characters in the variables
 * of a request whose query names `holdIf` (an import) are put in `held` under a token, which takes
 * their place in the body: the main thread never holds the register's text.
 */
export function parseBody(
  bytes: Buffer,
  holdFrom: number,
  holdIf: string,
  held: Map<string, string>,
): ParsedBody {
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid) return { ok: false, problem: 'not-utf8', at: invalid };
  if (text.length === 0) return { ok: false, problem: 'empty' };
  let body: unknown;
  try {
    // As Fastify's own JSON parser does by default: a "__proto__" key is refused.
    body = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'ignore' });
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  holdLargeVariables(body, holdFrom, holdIf, held);
  return { ok: true, body, held: [...held.keys()] };
}

// Only a request that asks for an import has its large variables kept here; any other request
// gets its body back whole.
function holdLargeVariables(
  body: unknown,
  holdFrom: number,
  holdIf: string,
  held: Map<string, string>,
): void {
  const b = body as { query?: unknown; variables?: unknown } | null;
  if (
    typeof b?.query !== 'string' ||
    !b.query.includes(holdIf) ||
    b.variables === null ||
    typeof b.variables !== 'object'
  )
    return;
  const variables = b.variables as Record<string, unknown>;
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string' || value.length < holdFrom) continue;
    const token = `vendor-chain:held:${randomUUID()}`;
    held.set(token, value);
    variables[name] = token;
  }
}
