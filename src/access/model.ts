import { z } from 'zod';

// Who may do what, and what the stores keep about it. Roles are ordered: each one may do
// everything the one before it may.

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const roleAtLeast = (role: Role, needed: Role): boolean =>
  ROLES.indexOf(role) >= ROLES.indexOf(needed);

export const KEY_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const keyName = z.string().regex(KEY_NAME_PATTERN, {
  message: 'expected a name of 1 to 64 lower-case letters, digits, ".", "_" or "-"',
});
export const role = z.enum(ROLES, { message: 'expected reader, editor or admin' });

/** An API key as stored: never the key itself, only a slow salted hash of its secret part. */
export interface ApiKey {
  name: string;
  role: Role;
  /** The public part of the key, to find its record without trying every hash. */
  keyId: string;
  /** scrypt parameters and salt, base64, so a later change of cost still verifies old keys. */
  salt: string;
  hash: string;
  n: number;
  createdAt: string;
  /** Present on a key scoped to controllers: it sees only their chains. */
  controllers?: string[];
}

/** Who is asking: a key's name and role, or the anonymous user of a loopback-only service. */
export interface Principal {
  name: string;
  role: Role;
  /** Present when the principal sees only these controllers' chains. */
  controllers?: readonly string[];
}
