import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { HashSlots } from './hash-slots.js';
import type { ApiKey, Role } from './model.js';

// A key reads `vck_<keyId>_<secret>`: the key id finds the record, the secret is checked against
// its scrypt hash. scrypt is slow on purpose (a stolen store does not give the keys away), so a
// verified key is remembered by a fast digest for as long as its stored hash does not change.

const scryptAsync = promisify(scrypt) as (
  secret: string,
  salt: Buffer,
  length: number,
  options: { N: number; maxmem: number },
) => Promise<Buffer>;
const HASH_BYTES = 32;
/** Cost 2^15: about 0.1 s and 32 MB per hash; verified keys are remembered, so it is paid once. */
export const SCRYPT_N = 1 << 15;
const MAXMEM = 64 * 1024 * 1024;
const KEY_PATTERN = /^vck_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewKey {
  plain: string;
  record: ApiKey;
}

export async function newKey(
  name: string,
  role: Role,
  now = new Date(),
  controllers?: readonly string[],
): Promise<NewKey> {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, HASH_BYTES, { N: SCRYPT_N, maxmem: MAXMEM });
  return {
    plain: `vck_${keyId}_${secret}`,
    record: {
      name,
      role,
      keyId,
      salt: salt.toString('base64'),
      hash: hash.toString('base64'),
      n: SCRYPT_N,
      createdAt: now.toISOString(),
      ...(controllers ? { controllers: [...controllers] } : {}),
    },
  };
}

/** The key id of a well-formed key, or null. */
export function keyIdOf(plain: string): string | null {
  return KEY_PATTERN.exec(plain)?.[1] ?? null;
}

/** Recently verified keys: digest of the presented key → the stored hash it matched. */
const verified = new Map<string, string>();
const REMEMBERED = 1_000;

const digestOf = (plain: string) => createHash('sha256').update(plain).digest('base64');

/** True when `plain` was verified against `record` lately (and the record is unchanged): no hash needed. */
export const isRemembered = (plain: string, record: ApiKey): boolean =>
  verified.get(digestOf(plain)) === record.hash;

/**
 * True when `plain` is the key `record` was made for; constant-time on the hash. A key not verified
 * before is hashed in one of `slots` (BusyError when none is free and the line is full).
 */
export async function verifyKey(
  plain: string,
  record: ApiKey,
  slots?: HashSlots,
): Promise<boolean> {
  const match = KEY_PATTERN.exec(plain);
  if (!match || match[1] !== record.keyId) return false;
  const digest = digestOf(plain);
  if (verified.get(digest) === record.hash) return true;
  const expected = Buffer.from(record.hash, 'base64');
  const hash = () =>
    scryptAsync(match[2]!, Buffer.from(record.salt, 'base64'), expected.length, {
      N: record.n,
      maxmem: MAXMEM,
    });
  const actual = await (slots ? slots.run(hash) : hash());
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return false;
  if (verified.size >= REMEMBERED) verified.delete(verified.keys().next().value!);
  verified.set(digest, record.hash);
  return true;
}
