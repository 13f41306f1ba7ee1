import { TooManyAttemptsError, UnauthenticatedError } from '../errors.js';
import type { StorePort } from '../store/port.js';
import type { HashSlots } from './hash-slots.js';
import { isRemembered, keyIdOf, verifyKey } from './key-hash.js';
import type { ApiKey, Principal } from './model.js';
import { looksLikeJwt, type OidcVerifier } from './oidc.js';

/** The principal of a service with no key at all, on loopback only: it may do everything. */
export const ANONYMOUS: Principal = { name: 'anonymous', role: 'admin' };

export interface HashPolicy {
  /** Where keys not verified before are hashed, a bounded number at once. */
  slots?: HashSlots;
  /** False for an address with too many failures: only keys verified before are accepted. */
  mayHash?: boolean;
  /** Bearer JWTs from the single sign-on provider, when one is configured. */
  oidc?: OidcVerifier | null;
  /** Where the keys are read from (keys-by-generation.ts); by default, the store itself. */
  keys?: () => Promise<ApiKey[]>;
}

/**
 * Who sent the request, from its Authorization header: an API key, or a JWT of the sign-on
 * provider. Keys are read on every request, so a key created or revoked by the CLI counts at once,
 * in this process too.
 */
export async function authenticate(
  store: StorePort,
  header: string | undefined,
  anonymousAllowed: boolean,
  { slots, mayHash = true, oidc = null, keys: readKeys }: HashPolicy = {},
): Promise<Principal> {
  const keys = await (readKeys ? readKeys() : store.apiKeys());
  const signOn = oidc !== null;
  if (header === undefined || header === '') {
    // With a sign-on provider configured the service is never anonymous.
    if (keys.length === 0 && anonymousAllowed && !signOn) return ANONYMOUS;
    throw new UnauthenticatedError(signOn ? 'no key or token was sent' : 'no API key was sent', {
      signOn,
    });
  }
  const token = /^Bearer +(\S+)$/i.exec(header)?.[1];
  if (token === undefined)
    throw new UnauthenticatedError('the Authorization header is not "Bearer <key>"', { signOn });
  if (oidc !== null && looksLikeJwt(token)) return oidc.verify(token);
  const keyId = keyIdOf(token);
  const record = keyId === null ? undefined : keys.find((k) => k.keyId === keyId);
  // A key whose id names no key costs nothing to refuse; one that would need a hash does not get
  // it while its address is held back, but a key verified before still passes (the holder of a
  // good key is not locked out by someone guessing from the same address).
  if (record !== undefined && !mayHash && !isRemembered(token, record))
    throw new TooManyAttemptsError();
  if (record === undefined || !(await verifyKey(token, record, slots)))
    throw new UnauthenticatedError('the API key is not valid (mistyped or revoked)', { signOn });
  return {
    name: record.name,
    role: record.role,
    ...(record.controllers ? { controllers: record.controllers } : {}),
  };
}
